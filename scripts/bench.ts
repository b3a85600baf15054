// `npm run bench -- [PART] [--corpus DIR] [--json FILE] [--runs N] [--only REGEX]`: Gloss's
// performance figures, printed as tables. Without a part, every part runs, and the figures go to
// bench/results.json and the tables to BENCHMARKS.md.
//   spot: the spotter's MB/s on the corpus's entity-linking texts and on its pages' text nodes,
//         beside a plain charCodeAt loop over the same strings in the same process.
//   pages: every saved page of the corpus without and with Gloss, interleaved: the main-thread
//         time, heap and layout shift Gloss adds, its longest task, marks painted after
//         DOMContentLoaded, its messages and requests (uses the built extension).
//   card: hover intent → card painted, p50/p95, from the cache and through a stand-in API 100 ms
//         away (ms after the intent delay ends); uses the built extension (.output/chrome-mv3).
//   index: the alias index in Chromium's real IndexedDB, through Gloss's own database class:
//         look-ups per second (bulkGet in batches of 200, as for a page's names) with 1k and
//         100k aliases, and a bulkGet of 200 cached entities.
//   hostile: crafted text (repeated "Abc, ", capitals with no lower case, 1 MB without spaces,
//         CJK, runs of connectors…) at 10k, 100k and 1M characters, read as the background
//         reads a batch: time per character should not grow with the length.
//   news: a reader's eight cards (4 s each, 2 s apart) against a stand-in that keeps GDELT's
//         published limit, then sheds half its load: when each card's articles and lines showed,
//         what it said of a missing source, and GDELT's requests made and refused.
//   soak: 200 page loads in one tab, a card opened on each, sampling the memory of the page, of
//         Gloss's extension process (its service worker) and of the page renderers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SHOW_DELAY_MS } from '../core/hover-intent';
import { measureCard, NETWORK_LATENCY_MS } from './bench/card';
import { elTexts, elTextsByLanguage, pageTextNodes } from './bench/corpus';
import { measureIndex } from './bench/alias-index';
import { measureCardBesideHostile, measureHostile } from './bench/hostile';
import { PART_NAMES } from './bench/main-thread-split';
import { measurePages } from './bench/pages';
import { shippedCore, type ShippedCore } from './bench/shipped';
import {
  indexNames,
  measureAliasIndex,
  measureLanguage,
  measureSpot,
  totalChars,
} from './bench/spot';
import { GDELT_LATENCY_MS, GOOGLE_NEWS_LATENCY_MS, measureNews } from './bench/news';
import { soak } from './bench/soak';
import { writeBenchmarks } from './bench/report';
import { printTable } from './bench/stats';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus') },
    json: { type: 'string' },
    runs: { type: 'string' },
    only: { type: 'string' },
  },
});

/**
 * The extension as the benchmarks measure it: built afresh, in the benchmark's own build, which
 * leaves the content script's timings in the page's timeline (the real build leaves none).
 */
let built: string | undefined;
function extensionDir(): string {
  if (built) return built;
  console.log('Building the benchmark build of the extension...');
  const env = { ...process.env, WXT_GLOSS_TIMELINE: '1' };
  if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env }).status !== 0) {
    console.error('The extension did not build.');
    process.exit(1);
  }
  built = join(root, '.output/bench/chrome-mv3');
  return built;
}

/** Each part's table, as printed, for BENCHMARKS.md. */
const tables: Record<string, string> = {};
function table(part: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>) {
  tables[part] = printTable(header, rows);
}

/** Sizes of the known-name index the matcher is measured with. */
const INDEX_SIZES = [1_000, 50_000, 300_000];

/** The texts in other languages, read in theirs beside as English; answers the cost by language. */
function benchLanguages(core: ShippedCore, corpus: string, runs: number) {
  console.log(`\nThe texts in other languages, read in theirs and as English\n`);
  const languages = [...elTextsByLanguage(corpus)].map(([lang, strings]) => ({
    lang,
    strings,
    ...measureLanguage(core, strings, lang, runs),
  }));
  table(
    'spot-languages',
    ['language', 'texts', 'chars', 'in it MB/s', 'as English MB/s', 'time per char ×'],
    languages.map((row) => [
      row.lang,
      String(row.strings.length),
      String(totalChars(row.strings)),
      row.mbps.toFixed(1),
      row.englishMbps.toFixed(1),
      row.cost.toFixed(2),
    ]),
  );

  return Object.fromEntries(languages.map((row) => [row.lang, row.cost]));
}

async function benchSpot() {
  const runs = Number(values.runs ?? 5);
  const corpus = resolve(values.corpus);
  if (!existsSync(join(corpus, 'el')) && !existsSync(join(corpus, 'pages'))) {
    console.error(
      `No corpus at ${corpus} (expected el/*.jsonl and pages/*.html); pass --corpus DIR.`,
    );
    process.exit(2);
  }
  // Measured as it ships: bundled, as the extension's build bundles it.
  const core = await shippedCore();
  const sets = { 'el texts': elTexts(corpus), 'page text nodes': pageTextNodes(corpus) };
  const all = [...sets['el texts'], ...sets['page text nodes']];
  // The same text as one string: a page that puts a megabyte in one text node must cost what
  // its parts would (the spotter's work grows with the text, not with its square).
  const long = { 'all, one string': [all.join('\n')] };
  console.log(
    `Spotter speed on ${corpus} (median of ${runs} interleaved runs; MB = million UTF-16 units)\n`,
  );
  const results = Object.entries({ ...sets, all, ...long }).map(([name, strings]) => ({
    name,
    strings,
    ...measureSpot(core, strings, runs),
  }));
  table(
    'spot',
    ['strings', 'count', 'MB', 'spotter MB/s', 'loop MB/s', 'ratio'],
    results.map((result) => [
      result.name,
      String(result.strings.length),
      (totalChars(result.strings) / 1e6).toFixed(2),
      result.mbps.toFixed(1),
      result.loopMbps.toFixed(1),
      result.ratio.toFixed(3),
    ]),
  );
  const { mbps, loopMbps, ratio } = results.find((result) => result.name === 'all')!;

  const perLanguage = benchLanguages(core, corpus, runs);

  console.log(`\nKnown-name matcher over the same strings, as its index grows\n`);
  const series = { 'pack, made-up': false, 'pack, corpus, made-up': true };
  const index = Object.entries(series).flatMap(([label, fromText]) => {
    const names = indexNames(core, all, INDEX_SIZES.at(-1)!, fromText);
    return INDEX_SIZES.map((size) => ({
      names: label,
      ...measureAliasIndex(core, all, names, size, runs),
    }));
  });
  table(
    'spot-index',
    ['names', 'aliases', 'build ms', 'load ms', 'memory MB', 'matcher MB/s', 'loop MB/s', 'ratio'],
    index.map((row) => [
      row.names,
      String(row.aliases),
      row.buildMs.toFixed(0),
      row.loadMs.toFixed(1),
      row.memoryMB.toFixed(1),
      row.mbps.toFixed(1),
      row.loopMbps.toFixed(1),
      row.ratio.toFixed(3),
    ]),
  );
  return { spot: { mbps, loopMbps, ratio, index, perLanguage } };
}

async function benchPages() {
  const pagesDir = join(resolve(values.corpus), 'pages');
  if (!existsSync(pagesDir)) {
    console.error(`No saved pages at ${pagesDir} (expected pages/*.html); pass --corpus DIR.`);
    process.exit(2);
  }
  const runs = Number(values.runs ?? 3);
  console.log(
    `Gloss on every page of ${pagesDir}: medians of ${runs} interleaved runs without Gloss, with it, and with the reference reader\n`,
  );
  const only = values.only ? new RegExp(values.only) : undefined;
  const pages = await measurePages(pagesDir, extensionDir(), runs, only);
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  table(
    'pages',
    [
      'page',
      'text chars',
      'Gloss main ms',
      'reader floor ms',
      'difference ms',
      'longest task ms',
      'marks after DCL ms',
      'reader answer ms',
      'shift',
      'heap MB',
      'messages',
      'requests',
    ],
    pages.map((row) => [
      row.name,
      String(row.textChars),
      fixed(row.addedMainThreadMs),
      fixed(row.referenceMainThreadMs),
      fixed(row.taskDifferenceMs),
      fixed(row.longestTaskMs),
      row.marksPaintedMs === null ? '—' : fixed(row.marksPaintedMs, 0),
      row.referencePaintedMs === null ? '—' : fixed(row.referencePaintedMs, 0),
      fixed(row.layoutShift, 3),
      fixed(row.heapMB, 2),
      String(row.messages),
      String(row.requests),
    ]),
  );
  table(
    'pages-split',
    [
      'page',
      ...PART_NAMES.map((part) => `${part} ms`),
      'style+layout Δ ms',
      'reader style+layout Δ ms',
    ],
    pages.map((row) => [
      row.name,
      ...PART_NAMES.map((part) => fixed(row.parts[part])),
      fixed(row.styleLayoutDifferenceMs),
      fixed(row.referenceStyleLayoutDifferenceMs),
    ]),
  );
  return { pages };
}

async function benchCard() {
  const rounds = Number(values.runs ?? 3);
  console.log(
    `Hover intent → card painted, ms after the ${SHOW_DELAY_MS} ms intent delay ends (${rounds} fresh profiles)\n`,
  );
  const card = await measureCard(extensionDir(), rounds);
  table(
    'card',
    ['from', 'samples', 'p50 ms', 'p95 ms'],
    [
      [
        'cache',
        String(card.cached.samples),
        card.cached.p50.toFixed(1),
        card.cached.p95.toFixed(1),
      ],
      [
        `stand-in API ${NETWORK_LATENCY_MS} ms away`,
        String(card.network.samples),
        card.network.p50.toFixed(1),
        card.network.p95.toFixed(1),
      ],
    ],
  );
  return { card };
}

async function benchIndex() {
  const sizes = [1_000, 100_000];
  console.log(
    "The alias index and the entity cache in Chromium's IndexedDB (fresh database per size)\n",
  );
  const rows = await measureIndex(sizes);
  table(
    'index',
    ['aliases', 'fill s', 'alias look-ups/s', 'bulkGet 200 entities ms (median of 21)'],
    rows.map((row) => [
      String(row.aliases),
      (row.fillMs / 1000).toFixed(1),
      row.lookupsPerSec.toFixed(0),
      row.bulkGet200Ms.toFixed(1),
    ]),
  );
  const largest = rows[rows.length - 1]!;
  return {
    index: {
      lookupsPerSec: largest.lookupsPerSec,
      bulkGet200Ms: largest.bulkGet200Ms,
      bySize: rows,
    },
  };
}

async function benchSoak() {
  const loads = Number(values.runs ?? 200);
  console.log(`Memory over ${loads} page loads in one tab, a card opened on each\n`);
  const samples = await soak(extensionDir(), loads, 20);
  const mb = (value: number) => value.toFixed(1);
  table(
    'soak',
    ['loads', 'page JS heap MB', 'extension process MB', 'page renderers MB'],
    samples.map((row) => [
      String(row.loads),
      mb(row.pageHeapMB),
      mb(row.extensionProcessMB),
      mb(row.rendererMB),
    ]),
  );
  return { soak: samples };
}

async function benchHostile() {
  const runs = Number(values.runs ?? 5);
  const lengths = [10_000, 100_000, 1_000_000];
  console.log(`Crafted text read as one batch, median of ${runs} runs\n`);
  const rows = await measureHostile(lengths, runs);
  const byFamily = new Map<string, typeof rows>();
  for (const row of rows) byFamily.set(row.family, [...(byFamily.get(row.family) ?? []), row]);
  table(
    'hostile',
    ['family', ...lengths.map((length) => `${length / 1000}k µs/char`), 'ms at 1M', '1M ÷ 10k'],
    [...byFamily].map(([family, series]) => [
      family,
      ...series.map((row) => row.usPerChar.toFixed(3)),
      series.at(-1)!.ms.toFixed(0),
      (series.at(-1)!.usPerChar / series[0]!.usPerChar).toFixed(2),
    ]),
  );
  const rounds = Number(values.runs ?? 3);
  console.log(`\nA card in one tab while another holds crafted slow text (${rounds} profiles)\n`);
  const card = await measureCardBesideHostile(extensionDir(), rounds);
  table(
    'hostile-card',
    ['card beside a hostile tab', 'samples', 'p50 ms', 'p95 ms'],
    [['after the intent delay', String(card.samples), card.p50.toFixed(1), card.p95.toFixed(1)]],
  );
  return { hostile: rows, hostileCard: card };
}

async function benchNews() {
  const seedDir = join(resolve(values.corpus), 'seed');
  const seed = existsSync(join(seedDir, 'myanmar-russia.html')) ? seedDir : undefined;
  console.log(
    `A reader's 8 cards (4 s each, 2 s apart) on ${seed ? 'the seed article' : "the demo's article (no seed article in the corpus)"}, GDELT answering after ${GDELT_LATENCY_MS} ms at its published limit, Google News after ${GOOGLE_NEWS_LATENCY_MS} ms\n`,
  );
  const scenarios = await measureNews(extensionDir(), seed);
  const ms = (value: number | undefined) => (value === undefined ? '—' : String(value));
  table(
    'news-cards',
    ['scenario', 'card', 'articles ms', 'attention line ms', 'news line ms', 'said at close'],
    scenarios.flatMap((scenario) =>
      scenario.cards.map((card) => [
        scenario.scenario,
        card.name,
        ms(card.articlesMs),
        ms(card.attentionMs),
        ms(card.newsLineMs),
        card.notes.join(' ') || '—',
      ]),
    ),
  );
  const count = (cards: readonly unknown[], total: number) => `${cards.length}/${total}`;
  table(
    'news',
    [
      'scenario',
      'articles while open',
      'a line while open',
      'news line',
      'no articles, said why',
      'GDELT asked',
      'refused (limit)',
      'shed',
    ],
    scenarios.map(({ scenario, cards, gdeltAsked, gdeltRefused, gdeltShed }) => {
      const without = cards.filter((card) => card.articlesMs === undefined);
      return [
        scenario,
        count(
          cards.filter((card) => card.articlesMs !== undefined),
          cards.length,
        ),
        count(
          cards.filter((card) => card.attentionMs !== undefined || card.newsLineMs !== undefined),
          cards.length,
        ),
        count(
          cards.filter((card) => card.newsLineMs !== undefined),
          cards.length,
        ),
        count(
          without.filter((card) => card.notes.length > 0),
          without.length,
        ),
        String(gdeltAsked),
        String(gdeltRefused),
        String(gdeltShed),
      ];
    }),
  );
  return { news: scenarios };
}

const parts = {
  spot: benchSpot,
  hostile: benchHostile,
  pages: benchPages,
  card: benchCard,
  index: benchIndex,
  soak: benchSoak,
  news: benchNews,
};
const which = positionals[0];
if (which !== undefined && !Object.hasOwn(parts, which)) {
  console.error(`Unknown benchmark "${which}". Available: ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
const figures: Record<string, unknown> = {};
for (const [name, run] of Object.entries(parts)) {
  if (which !== undefined && name !== which) continue;
  if (which === undefined) console.log(`\n## ${name}\n`);
  Object.assign(figures, await run());
}
const json = values.json ?? (which === undefined ? join(root, 'bench/results.json') : undefined);
if (json) {
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nWrote ${json}`);
}
// A part run alone refreshes its own tables; the others keep theirs.
await writeBenchmarks(join(root, 'BENCHMARKS.md'), tables);
console.log(`Refreshed in BENCHMARKS.md: ${Object.keys(tables).join(', ')}`);
