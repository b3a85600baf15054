import type { Span } from './span';

/**
 * Adds known names found in scripts without capitals, where they do not overlap a found span. One
 * sweep over both lists in text order: a long text has thousands of each.
 */
export function mergeKnownAliases(spans: Span[], known: Span[]): Span[] {
  if (known.length === 0) return spans;
  const found = [...spans].sort((a, b) => a.start - b.start);
  const merged = [...found];
  // The found spans do not overlap one another, so their ends rise with their starts.
  let next = 0;
  for (const span of [...known].sort((a, b) => a.start - b.start)) {
    while (next < found.length && found[next]!.end <= span.start) next += 1;
    const other = found[next];
    if (!other || other.start >= span.end) merged.push(span);
  }
  return merged.sort((a, b) => a.start - b.start);
}
