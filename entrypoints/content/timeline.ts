/**
 * Leaves Gloss's work in the page's performance timeline (`gloss:scan`, `gloss:mark`, …), where
 * the benchmark (`npm run bench -- pages`) sees what Gloss costs. Only in the benchmark's build
 * (`WXT_GLOSS_TIMELINE=1`, in `.output/bench/`): the page can read its own timeline, and entries
 * named after Gloss would tell every page that its reader has Gloss. Only the first entries of a
 * page are kept: a page that changes all day must not grow a list all day.
 */
const ON = import.meta.env.WXT_GLOSS_TIMELINE === '1';
const MAX_ENTRIES = 500;
let recorded = 0;

/** Records `name` as having run from `start` (a performance.now() time) until now. */
export function measure(name: string, start: number): void {
  if (!ON || recorded >= MAX_ENTRIES) return;
  recorded += 1;
  try {
    performance.measure(`gloss:${name}`, { start, end: performance.now() });
  } catch {
    // A timeline that refuses entries costs only the figures.
  }
}

/** Records a moment (`gloss:marks-painted`, a message sent). */
export function mark(name: string): void {
  if (!ON || recorded >= MAX_ENTRIES) return;
  recorded += 1;
  try {
    performance.mark(`gloss:${name}`);
  } catch {
    // As above.
  }
}
