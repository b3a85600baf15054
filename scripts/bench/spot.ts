// The spotter's speed beside a plain charCodeAt loop over the same strings, in one process. The
// code measured is the shipped bundle (`shipped.ts`), passed in.
import type { ShippedCore } from './shipped';
import { median } from './stats';

/** How many UTF-16 code units the strings hold in all. */
export const totalChars = (strings: readonly string[]): number =>
  strings.reduce((sum, text) => sum + text.length, 0);

/** Runs `work` over all strings repeatedly for about `ms`; returns MB/s (UTF-16 code units). */
function throughput(strings: readonly string[], work: (text: string) => number, ms = 400): number {
  const units = totalChars(strings);
  let sink = 0;
  let rounds = 0;
  const start = performance.now();
  do {
    for (const text of strings) sink += work(text);
    rounds += 1;
  } while (performance.now() - start < ms);
  const seconds = (performance.now() - start) / 1000;
  if (sink === -1) console.log(sink); // keeps the work from being optimised away
  return (units * rounds) / seconds / 1e6;
}

/** The baseline: touch every code unit once, as any scanner must. */
function charLoop(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 32) count += 1;
  return count;
}

export interface SpotFigures {
  mbps: number;
  loopMbps: number;
  ratio: number;
}

/**
 * Median of `runs` interleaved measurements of `work` and the loop over the same strings, each
 * warmed up first so the JIT has compiled it before anything is timed.
 */
function beside(strings: readonly string[], work: (text: string) => number, runs: number) {
  throughput(strings, work, 200);
  throughput(strings, charLoop, 200);
  const workRuns: number[] = [];
  const loopRuns: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    workRuns.push(throughput(strings, work));
    loopRuns.push(throughput(strings, charLoop));
  }
  const mbps = median(workRuns);
  const loopMbps = median(loopRuns);
  return { mbps, loopMbps, ratio: mbps / loopMbps };
}

/** The spotter beside the loop. */
export function measureSpot(
  { spot }: ShippedCore,
  strings: readonly string[],
  runs = 5,
): SpotFigures {
  return beside(strings, (text) => spot(text).length, runs);
}

export interface LanguageFigures {
  /** MB/s read in the texts' own language, and read as English. */
  mbps: number;
  englishMbps: number;
  /** Time per character in the language over time per character as English. */
  cost: number;
}

/**
 * What reading in a language costs beyond the English spotter: the same strings spotted in their
 * own language and as English, each beside the loop, interleaved (medians of `runs`).
 */
export function measureLanguage(
  { spot }: ShippedCore,
  strings: readonly string[],
  lang: string,
  runs = 5,
): LanguageFigures {
  const own = beside(strings, (text) => spot(text, lang).length, runs);
  const english = beside(strings, (text) => spot(text).length, runs);
  // Each against its own loop, so a machine that slowed between the two does not count.
  return { mbps: own.mbps, englishMbps: english.mbps, cost: english.ratio / own.ratio };
}

export interface AliasIndexFigures {
  aliases: number;
  buildMs: number;
  /** A saved table copied as IndexedDB would hand it back, then loaded. */
  loadMs: number;
  /** What the index holds: its typed arrays and its names' text. */
  memoryMB: number;
  mbps: number;
  loopMbps: number;
  ratio: number;
}

/**
 * The known-name matcher with the first `size` of `names`: how long it takes to build and to
 * load, what it holds, and its MB/s over `strings` beside the plain loop (medians of `runs`).
 */
export function measureAliasIndex(
  { AliasMatcher }: ShippedCore,
  strings: readonly string[],
  names: readonly string[],
  size: number,
  runs = 5,
): AliasIndexFigures {
  const chosen = names.slice(0, size);
  let start = performance.now();
  const matcher = AliasMatcher.build(chosen);
  const buildMs = performance.now() - start;
  const memoryMB = matcher.bytes / 1e6;
  start = performance.now();
  const loaded = AliasMatcher.load(structuredClone(matcher.save()));
  const loadMs = performance.now() - start;

  return {
    aliases: matcher.count,
    buildMs,
    loadMs,
    memoryMB,
    ...beside(strings, (text) => loaded.find(text).length, runs),
  };
}

/**
 * Names to fill an index with: the bundled pack's, then (with `fromText`) the names the spotter
 * finds in `strings`, what resolution would teach the index, then made-up two- and three-word
 * names, until `size`. Without the strings' names, every index finds the same names in the text
 * (the pack's), so its size alone is measured.
 */
export function indexNames(
  { packNames, spot }: ShippedCore,
  strings: readonly string[],
  size: number,
  fromText: boolean,
): string[] {
  const names = new Set(packNames());
  if (fromText)
    for (const text of strings) {
      if (names.size >= size) break;
      for (const span of spot(text)) names.add(span.surface);
    }
  const syllables = 'ka lo mi ren tas vel dor an su bri gel om pra zu nik hal ser tu bo ria'.split(
    ' ',
  );
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 8;
  };
  const word = () => {
    let out = '';
    for (let count = 2 + (random() % 2); count > 0; count -= 1)
      out += syllables[random() % syllables.length];
    return out[0]!.toUpperCase() + out.slice(1);
  };
  while (names.size < size)
    names.add(random() % 3 === 0 ? `${word()} ${word()} ${word()}` : `${word()} ${word()}`);
  return [...names].slice(0, size);
}
