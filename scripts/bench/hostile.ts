// Crafted text against the background's reading of a page: each family at 10k, 100k and 1M
// characters, read as one text node the way the background reads a batch (in pieces, unpaced, so
// only the reading is timed). Its work should grow with the text: time per character at 1M within
// twice that at 10k, for every family.
import { findMentions } from '../../core/mentions';
import { median } from './stats';

/** Texts made to be slow to read, each `length` characters long. */
export const HOSTILE_FAMILIES: Record<string, (length: number) => string> = {
  'repeated "Abc, "': (length) => repeatTo('Abc, ', length),
  'capitals with no lower case': (length) => repeatTo('ℂℍℕℙℚℝℤ ', length),
  'title words repeated': (length) => repeatTo('The Quick Brown Fox Of The ', length),
  'no spaces': (length) => repeatTo('abcdefghijklmnopqrstuvwxyz', length),
  CJK: (length) => repeatTo('東京都で中国の北京と会談した。', length),
  'runs of connectors': (length) => repeatTo('Bank of the of de la van der al- bin ', length),
  'capitalised run with no end': (length) => repeatTo('Alpha Beta Gamma Delta ', length),
};

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export interface HostileRow {
  family: string;
  length: number;
  ms: number;
  usPerChar: number;
}

/** The median time to read each family at each length, over `runs` runs. */
export async function measureHostile(
  lengths: readonly number[],
  runs: number,
): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  const resolve = async () => ({ resolved: {} });
  for (const [family, make] of Object.entries(HOSTILE_FAMILIES))
    for (const length of lengths) {
      const texts = [{ text: make(length), heading: false }];
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await findMentions(texts, [], resolve);
        times.push(performance.now() - started);
      }
      const ms = median(times);
      rows.push({ family, length, ms, usPerChar: (ms * 1000) / length });
    }
  return rows;
}
