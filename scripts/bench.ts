// `npm run bench -- PART [--corpus DIR] [--json FILE] [--runs N]`: Gloss's performance figures,
// printed as tables.
//   spot: the spotter's MB/s on the corpus's entity-linking texts and on its pages' text nodes,
//         beside a plain charCodeAt loop over the same strings in the same process.
//   card: hover intent → card painted, p50/p95, from the cache and through a stand-in API 100 ms
//         away (ms after the intent delay ends); uses the built extension (.output/chrome-mv3).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SHOW_DELAY_MS } from '../core/hover-intent';
import { measureCard, NETWORK_LATENCY_MS } from './bench/card';
import { elTexts, pageTextNodes } from './bench/corpus';
import { measureSpot } from './bench/spot';
import { printTable } from './bench/stats';

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus') },
    json: { type: 'string' },
    runs: { type: 'string' },
  },
});

async function benchSpot() {
  const runs = Number(values.runs ?? 5);
  const corpus = resolve(values.corpus);
  if (!existsSync(join(corpus, 'el')) && !existsSync(join(corpus, 'pages'))) {
    console.error(
      `No corpus at ${corpus} (expected el/*.jsonl and pages/*.html); pass --corpus DIR.`,
    );
    process.exit(2);
  }
  const sets = { 'el texts': elTexts(corpus), 'page text nodes': pageTextNodes(corpus) };
  const all = [...sets['el texts'], ...sets['page text nodes']];
  console.log(
    `Spotter speed on ${corpus} (median of ${runs} interleaved runs; MB = million UTF-16 units)\n`,
  );
  const results = Object.entries({ ...sets, all }).map(([name, strings]) => ({
    name,
    strings,
    ...measureSpot(strings, runs),
  }));
  printTable(
    ['strings', 'count', 'MB', 'spotter MB/s', 'loop MB/s', 'ratio'],
    results.map((result) => [
      result.name,
      String(result.strings.length),
      (result.strings.reduce((sum, text) => sum + text.length, 0) / 1e6).toFixed(2),
      result.mbps.toFixed(1),
      result.loopMbps.toFixed(1),
      result.ratio.toFixed(3),
    ]),
  );
  const { mbps, loopMbps, ratio } = results.find((result) => result.name === 'all')!;
  return { spot: { mbps, loopMbps, ratio } };
}

async function benchCard() {
  const extensionDir = join(root, '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.log('Building the extension first...');
    if (spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
      console.error('The extension did not build.');
      process.exit(1);
    }
  }
  const rounds = Number(values.runs ?? 3);
  console.log(
    `Hover intent → card painted, ms after the ${SHOW_DELAY_MS} ms intent delay ends (${rounds} fresh profiles)\n`,
  );
  const card = await measureCard(extensionDir, rounds);
  printTable(
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

const parts = { spot: benchSpot, card: benchCard };
const which = positionals[0] ?? 'spot';
if (!Object.hasOwn(parts, which)) {
  console.error(`Unknown benchmark "${which}". Available: ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
const figures = await parts[which as keyof typeof parts]();
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nWrote ${values.json}`);
}
