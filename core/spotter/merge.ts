import type { Span } from './span';

/** Adds known names found in scripts without capitals, where they do not overlap a found span. */
export function mergeKnownAliases(spans: Span[], known: Span[]): Span[] {
  if (known.length === 0) return spans;
  const merged = [...spans];
  for (const span of known) {
    if (!spans.some((other) => other.start < span.end && span.start < other.end)) merged.push(span);
  }
  return merged.sort((a, b) => a.start - b.start);
}
