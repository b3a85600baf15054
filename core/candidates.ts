/**
 * From the spans the spotter found in one text to the names to ask about, and back from the
 * answers to the mentions to mark. Pure: the content script feeds it text nodes' spans.
 */
import type { ResolvedName } from './entity';
import { abbreviates, definedAcronyms } from './resolution';
import type { Span } from './spotter/span';

/**
 * A span with the longer names it may be part of, longest first ("COVID-19" → "COVID-19 pandemic"),
 * and the shorter names to fall back on when it names nothing ("Myanmar Junta" in a headline).
 */
export interface Candidate extends Span {
  longer: Span[];
  shorter: Span[];
}

// "COVID-19 pandemic", "UN envoy": an acronym, then a lower-case noun that may complete its name.
const ACRONYM = /^[A-Z][A-Z0-9-]+$/;
const NEXT_WORD = /^ ([a-z]{4,})\b/;

/**
 * `heading`: the text is a heading, where every word is capitalised and a name often runs into the
 * words after it; there a span's first word is also tried on its own. `inner`: known names found
 * inside the spans ("MYANMAR" in "MYANMAR JUNTA ARRESTS"), tried, in headings and in spans all in
 * capitals, when the whole span names nothing.
 */
export function candidatesIn(
  text: string,
  spans: readonly Span[],
  heading = false,
  inner: readonly Span[] = [],
): Candidate[] {
  return spans.map((span) => {
    const shorter: Span[] = [];
    const firstWord = /^\S{3,}(?= )/.exec(span.surface)?.[0];
    if (heading && firstWord)
      shorter.push({ start: span.start, end: span.start + firstWord.length, surface: firstWord });
    // Only where capitals prove nothing: elsewhere "Jordan" in "Sarah Jordan" is not the country.
    if (inner.length > 0 && (heading || span.surface.toUpperCase() === span.surface))
      for (const part of inner)
        if (span.start <= part.start && part.end <= span.end && part.surface !== firstWord)
          shorter.push(part);
    const longer: Span[] = [];
    if (ACRONYM.test(span.surface)) {
      const next = NEXT_WORD.exec(text.slice(span.end, span.end + 24));
      if (next) {
        const end = span.end + next[0].length;
        longer.push({ start: span.start, end, surface: text.slice(span.start, end) });
      }
    }
    // Fields named, not spread: spans come in two shapes (the spotter's, the index's), and
    // spreading them ran five times slower than the rest of this function.
    return { start: span.start, end: span.end, surface: span.surface, longer, shorter };
  });
}

/** Every distinct name to ask about: the spans' own and their longer forms. */
export function namesToResolve(candidates: Iterable<Candidate>): string[] {
  const names = new Set<string>();
  for (const candidate of candidates) {
    names.add(candidate.surface);
    for (const longer of candidate.longer) names.add(longer.surface);
    for (const shorter of candidate.shorter) names.add(shorter.surface);
  }
  return [...names];
}

/** Acronyms a page defines for itself ("National League for Democracy (NLD)"), over all its texts. */
export function pageAcronyms(
  texts: Iterable<{ text: string; spans: readonly Span[] }>,
): Map<string, string> {
  const all = new Map<string, string>();
  for (const { text, spans } of texts)
    for (const [acronym, name] of definedAcronyms(text, spans)) all.set(acronym, name);
  return all;
}

/** What chooseMention answers when a name it depends on is still being looked up. */
export const UNDECIDED = 'undecided';

const NOTHING_PENDING: ReadonlySet<string> = new Set();

/**
 * What to mark for one candidate: the longest form that names an article, or the acronym the
 * page defined, meaning what its long form means. Undefined when nothing resolves; UNDECIDED when
 * the answer hangs on a name in `pending` (still being looked up), so that a mention marked before
 * the look-ups end is the one that would be marked after them.
 */
export function chooseMention(
  candidate: Candidate,
  resolved: Readonly<Record<string, ResolvedName>>,
  acronyms: ReadonlyMap<string, string>,
  pending = NOTHING_PENDING,
): { span: Span; entity: ResolvedName } | undefined | typeof UNDECIDED {
  for (const longer of candidate.longer) {
    if (pending.has(longer.surface)) return UNDECIDED;
    const entity = resolved[longer.surface];
    if (entity) return { span: longer, entity };
  }
  // The page's own definition beats the general meaning: its "NLD" is the party, not the list.
  const definition = acronyms.get(candidate.surface);
  if (definition !== undefined && pending.has(definition)) return UNDECIDED;
  const defined = definition !== undefined ? resolved[definition] : undefined;
  if (defined) return { span: candidate, entity: defined };
  if (pending.has(candidate.surface)) return UNDECIDED;
  const entity = resolved[candidate.surface];
  if (entity?.ambiguous && ACRONYM.test(candidate.surface)) {
    // An ambiguous acronym means the name it abbreviates when the page names that too: "NLD"
    // beside "National League for Democracy" is the party.
    const expands = (name: string) => name.includes(' ') && abbreviates(candidate.surface, name);
    for (const name of pending) if (expands(name)) return UNDECIDED;
    const expanded = Object.entries(resolved).find(
      ([name, meaning]) => !meaning.ambiguous && expands(name),
    );
    if (expanded) return { span: candidate, entity: expanded[1] };
  }
  if (entity) return { span: candidate, entity };
  // A part of a longer name is marked only when it is unambiguous: "Smith" in "Jane Smith" (no
  // article) would otherwise offer every Smith.
  for (const shorter of candidate.shorter) {
    if (pending.has(shorter.surface)) return UNDECIDED;
    const part = resolved[shorter.surface];
    if (part && !part.ambiguous) return { span: shorter, entity: part };
  }
  return undefined;
}
