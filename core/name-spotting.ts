/**
 * The spotter's spans and the known names (the alias index's) found in the same text, joined: the
 * spotter reads how a text writes names, the index knows names however they are written.
 */
import type { NameIndex } from './name-index';
import { PLACE_ALIASES } from './generated/places';
import { isCommonWord } from './lexicon';
import { ORGANISATION_ALIASES } from './organisations';
import { spot, type Span } from './spotter';

export interface SpottedText {
  spans: Span[];
  /** Known names found inside a longer span: parts to fall back on when the span names nothing. */
  inner: Span[];
}

/**
 * A known name where the spotter saw nothing is added ("Chad" opening a sentence); one covering
 * the spotter's spans replaces them (the longer mention wins); one inside a span is kept aside as
 * a part of it; one straddling a span's edge loses to the span.
 */
export function joinKnownNames(spans: readonly Span[], known: readonly Span[]): SpottedText {
  if (known.length === 0) return { spans: [...spans], inner: [] };
  const joined: Span[] = [];
  const inner: Span[] = [];
  const covered = new Set<Span>();
  for (const name of known) {
    const overlapping = spans.filter((span) => span.start < name.end && name.start < span.end);
    if (overlapping.every((span) => name.start <= span.start && span.end <= name.end)) {
      for (const span of overlapping) covered.add(span);
      joined.push(name);
    } else if (
      overlapping.length === 1 &&
      overlapping[0]!.start <= name.start &&
      name.end <= overlapping[0]!.end
    ) {
      inner.push(name);
    }
  }
  for (const span of spans) if (!covered.has(span)) joined.push(span);
  return { spans: joined.sort((a, b) => a.start - b.start), inner };
}

/**
 * The names in `text`: the spotter's, joined with those `known` knows (when it is given). A known
 * name that is one everyday word ("Apple", learnt from a page about the company) is left to the
 * spotter, which tells a name from a sentence's first word.
 */
export function spotNames(text: string, known?: NameIndex, lang?: string): SpottedText {
  const spans = spot(text, lang);
  if (!known) return { spans, inner: [] };
  const names = known.find(text).filter(({ surface }) => !isCommonWord(surface.toLowerCase()));
  return joinKnownNames(spans, names);
}

/** The bundled pack's names: countries, their other names and capitals, and major organisations. */
export function packNames(): string[] {
  return [...PLACE_ALIASES, ...ORGANISATION_ALIASES].map(([alias]) => alias);
}
