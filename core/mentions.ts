/**
 * From a batch of a page's texts to the mentions to mark in them: spot, ask, choose. Pure; the
 * background runs it (off the page's thread, with the spotter's code warm across tabs), the page
 * only gathers its text nodes and draws what comes back.
 */
import {
  candidatesIn,
  chooseMention,
  namesToResolve,
  pageAcronyms,
  UNDECIDED,
  type Candidate,
} from './candidates';
import type { ResolvedName } from './entity';
import type { AliasMatcher } from './alias-matcher';
import { spotNames } from './known-names';
import type { Span } from './spotter';

/** One text node's text, and whether it sits in a heading (title case there proves nothing). */
export interface PageText {
  text: string;
  heading: boolean;
}

/** Acronyms the page defined so far ("NLD" → "National League for Democracy"), as pairs. */
export type AcronymPairs = Array<[acronym: string, name: string]>;

/** What to mark: `[text index, start, end, entity index]`, offsets in that text (end exclusive). */
export type MentionTuple = [text: number, start: number, end: number, entity: number];

export interface FoundMentions {
  mentions: MentionTuple[];
  /** The entities the mentions point at, each once. */
  entities: ResolvedName[];
  /** The page's acronyms with this batch's added: sent back with the next batch. */
  acronyms: AcronymPairs;
}

/** What a batch's names mean: those known at once, and the rest once they are looked up. */
export interface Resolution {
  resolved: Record<string, ResolvedName>;
  later?: {
    /** The names still being looked up. */
    names: ReadonlySet<string>;
    /** Every name's meaning, known and looked up. */
    resolved: Promise<Record<string, ResolvedName>>;
  };
}

/** The mentions to mark at once and, when names were still being looked up, the rest later. */
export interface MentionsInSteps {
  found: FoundMentions;
  later?: Promise<FoundMentions>;
}

/**
 * Finds the mentions in `texts`: `resolve` is asked once, for every distinct name and its longer
 * and shorter forms, plus the long forms of the page's acronyms. `knownNames` finds the names the
 * alias index knows, however the text writes them. A mention whose meaning hangs on a name still
 * being looked up comes in `later`; the rest come at once, as they would after the look-ups.
 */
export async function findMentions(
  texts: readonly PageText[],
  known: AcronymPairs,
  resolve: (names: string[]) => Promise<Resolution>,
  knownNames?: AliasMatcher,
): Promise<MentionsInSteps> {
  const spotted = texts.map(({ text, heading }) => {
    const { spans, inner } = spotNames(text, knownNames);
    return { text, spans, candidates: candidatesIn(text, spans, heading, inner) };
  });
  const acronyms = new Map(known);
  for (const [acronym, name] of pageAcronyms(spotted)) acronyms.set(acronym, name);
  const names = new Set(namesToResolve(spotted.flatMap((item) => item.candidates)));
  for (const name of acronyms.values()) names.add(name);
  const { resolved, later } = names.size > 0 ? await resolve([...names]) : { resolved: {} };
  const pairs: AcronymPairs = [...acronyms];

  const waiting: Array<[text: number, candidate: Candidate]> = [];
  const now = new MentionList();
  spotted.forEach(({ candidates }, textIndex) => {
    for (const candidate of candidates) {
      const chosen = chooseMention(candidate, resolved, acronyms, later?.names);
      if (chosen === UNDECIDED) waiting.push([textIndex, candidate]);
      else if (chosen) now.add(textIndex, chosen);
    }
  });
  const found = { ...now.list(), acronyms: pairs };
  if (!later || waiting.length === 0) return { found };
  return {
    found,
    later: later.resolved.then((all) => {
      const rest = new MentionList();
      for (const [textIndex, candidate] of waiting) {
        const chosen = chooseMention(candidate, all, acronyms);
        if (chosen && chosen !== UNDECIDED) rest.add(textIndex, chosen);
      }
      return { ...rest.list(), acronyms: pairs };
    }),
  };
}

/** Mentions as they are sent to the page: each entity listed once, mentions pointing at it. */
class MentionList {
  private readonly mentions: MentionTuple[] = [];
  private readonly entities: ResolvedName[] = [];
  // Names that mean the same (a spelling and its redirect) share one entry.
  private readonly entityIndex = new Map<string, number>();

  add(textIndex: number, { span, entity }: { span: Span; entity: ResolvedName }): void {
    const same = `${entity.key}\n${entity.ambiguous?.name ?? ''}`;
    let index = this.entityIndex.get(same);
    if (index === undefined) {
      index = this.entities.push(entity) - 1;
      this.entityIndex.set(same, index);
    }
    this.mentions.push([textIndex, span.start, span.end, index]);
  }

  list(): { mentions: MentionTuple[]; entities: ResolvedName[] } {
    return { mentions: this.mentions, entities: this.entities };
  }
}

/**
 * A batch of a page's text, as the page sends it to be read for names. Where it comes from (the
 * site, the address) is not in it: the background takes that from the browser, not the page.
 */
export interface PageTextBatch {
  /** The page's title, for "In your reading". */
  title: string;
  texts: PageText[];
  acronyms: AcronymPairs;
}

/** Most texts in one batch; the page sends more batches for more. */
export const MAX_TEXTS_PER_BATCH = 10_000;
/** Most characters in one batch: one text node read to its limit, or many short ones. */
export const MAX_BATCH_CHARS = 1_000_000;
/** Longest page title kept; titles are shown in a card's list, not read. */
const MAX_TITLE_CHARS = 1_000;
/** Most acronyms a page may carry from batch to batch, and the longest name one may stand for. */
const MAX_ACRONYMS = 500;
const MAX_ACRONYM_NAME_CHARS = 200;

/** The batch, checked field by field; throws (answered as an error) on anything else. */
export function checkTextBatch(value: unknown): PageTextBatch {
  const fail = (why: string): never => {
    throw new Error(`Not a batch of page text: ${why}`);
  };
  const batch = (typeof value === 'object' && value !== null ? value : fail('no object')) as {
    [field: string]: unknown;
  };
  const { title, texts, acronyms } = batch;
  if (typeof title !== 'string') fail('no title');
  if (!Array.isArray(texts) || texts.length > MAX_TEXTS_PER_BATCH) fail('texts');
  let chars = 0;
  for (const item of texts as unknown[]) {
    const { text, heading } = (item ?? {}) as { text?: unknown; heading?: unknown };
    if (typeof text !== 'string' || typeof heading !== 'boolean') fail('a text');
    chars += (text as string).length;
  }
  if (chars > MAX_BATCH_CHARS) fail('too much text');
  const pairs = Array.isArray(acronyms) ? acronyms : fail('acronyms');
  if (pairs.length > MAX_ACRONYMS) fail('too many acronyms');
  for (const pair of pairs as unknown[])
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string' ||
      pair[0].length > MAX_ACRONYM_NAME_CHARS ||
      pair[1].length > MAX_ACRONYM_NAME_CHARS
    )
      fail('an acronym');
  return {
    title: (title as string).slice(0, MAX_TITLE_CHARS),
    texts: texts as PageText[],
    acronyms: pairs as AcronymPairs,
  };
}
