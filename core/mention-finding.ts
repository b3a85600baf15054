/**
 * From a batch of a page's texts to the mentions to mark in them: spot, ask, choose. Pure; the
 * background runs it (off the page's thread, with the spotter's code warm across tabs), the page
 * only gathers its text nodes and draws what comes back.
 */
import { isLanguageTag } from './language-tag';
import {
  candidatesIn,
  chooseMention,
  namesToResolve,
  pageAcronyms,
  UNDECIDED,
  type Candidate,
} from './candidates';
import type { ResolvedName } from './entity';
import type { NameIndex } from './name-index';
import { spotNames } from './name-spotting';
import type { Span } from './spotter/span';

/** One text node's text, and whether it sits in a heading (title case there proves nothing). */
export interface PageText {
  text: string;
  heading: boolean;
  /** The passage's own language, where it differs from the page's (`<blockquote lang="es">`). */
  lang?: string;
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
  knownNames?: NameIndex,
  pacing: Pacing = UNPACED,
  lang?: string,
): Promise<MentionsInSteps> {
  const spotted = await spotPieces(texts, knownNames, pacing, lang);
  const acronyms = new Map(known);
  for (const [acronym, name] of pageAcronyms(spotted)) acronyms.set(acronym, name);
  const names = new Set(namesToResolve(spotted.flatMap((item) => item.candidates)));
  for (const name of acronyms.values()) names.add(name);
  const { resolved, later } = names.size > 0 ? await resolve([...names]) : { resolved: {} };
  const pairs: AcronymPairs = [...acronyms];

  const waiting: Array<[piece: SpottedPiece, candidate: Candidate]> = [];
  const now = new MentionList();
  for (const piece of spotted)
    for (const candidate of piece.candidates) {
      const chosen = chooseMention(candidate, resolved, acronyms, later?.names);
      if (chosen === UNDECIDED) waiting.push([piece, candidate]);
      else if (chosen) now.add(piece, chosen);
    }
  const found = { ...now.list(), acronyms: pairs };
  if (!later || waiting.length === 0) return { found };
  return {
    found,
    later: later.resolved.then((all) => {
      const rest = new MentionList();
      for (const [piece, candidate] of waiting) {
        const chosen = chooseMention(candidate, all, acronyms);
        if (chosen && chosen !== UNDECIDED) rest.add(piece, chosen);
      }
      return { ...rest.list(), acronyms: pairs };
    }),
  };
}

/**
 * The longest piece of a text read for names at once. A page's text nodes are mostly far shorter;
 * a longer one is read piece by piece, cut between sentences, so no text crafted to make the
 * spotter's work grow faster than its length (a long run of "Abc, Abc, …") costs more than its
 * pieces do: the work grows with the text, whatever it holds.
 */
export const SPOT_PIECE_CHARS = 2_000;

/**
 * How the reading of a batch shares its thread: `pause` gives other work (another tab's card) a
 * turn about every `sliceMs`, and after `budgetMs` the rest of the batch is left unread.
 */
export interface Pacing {
  pause: () => Promise<void>;
  now: () => number;
  sliceMs: number;
  budgetMs: number;
}

/** No pauses and no budget: for scripts and tests that read a text whole. */
export const UNPACED: Pacing = {
  pause: () => Promise.resolve(),
  now: () => 0,
  sliceMs: Infinity,
  budgetMs: Infinity,
};

/** A piece of one of the batch's texts, read for names: `origin` is the text, `offset` where it starts. */
interface SpottedPiece {
  origin: number;
  offset: number;
  text: string;
  spans: Span[];
  candidates: Candidate[];
}

/** Where a text is cut into pieces of at most `SPOT_PIECE_CHARS`: sentence ends, else spaces. */
export function pieceBounds(text: string): Array<[start: number, end: number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > SPOT_PIECE_CHARS) {
    const half = start + SPOT_PIECE_CHARS / 2;
    // Only the piece's second half is searched, so cutting costs the piece's length, no more.
    const window = text.slice(half, start + SPOT_PIECE_CHARS);
    const sentence = Math.max(window.lastIndexOf('. ') + 2, window.lastIndexOf('\n') + 1);
    const cut = sentence > 1 ? sentence : window.lastIndexOf(' ') + 1;
    const end = cut > 0 ? half + cut : start + SPOT_PIECE_CHARS;
    bounds.push([start, end]);
    start = end;
  }
  bounds.push([start, text.length]);
  return bounds;
}

/** Spots every text's pieces, pausing between slices; stops reading when the budget is spent. */
async function spotPieces(
  texts: readonly PageText[],
  knownNames: NameIndex | undefined,
  { pause, now, sliceMs, budgetMs }: Pacing,
  lang: string | undefined,
): Promise<SpottedPiece[]> {
  const spotted: SpottedPiece[] = [];
  const started = now();
  let slice = started;
  for (const [origin, { text: whole, heading, lang: own }] of texts.entries())
    for (const [offset, end] of pieceBounds(whole)) {
      if (now() - slice > sliceMs) {
        if (now() - started > budgetMs) return spotted;
        await pause();
        slice = now();
      }
      const text = whole.slice(offset, end);
      const { spans, inner } = spotNames(text, knownNames, own ?? lang);
      spotted.push({
        origin,
        offset,
        text,
        spans,
        candidates: candidatesIn(text, spans, heading, inner),
      });
    }
  return spotted;
}

/** Mentions as they are sent to the page: each entity listed once, mentions pointing at it. */
class MentionList {
  private readonly mentions: MentionTuple[] = [];
  private readonly entities: ResolvedName[] = [];
  // Names that mean the same (a spelling and its redirect) share one entry.
  private readonly entityIndex = new Map<string, number>();

  /** A mention found in a piece: its offsets are the piece's, shifted to its whole text's. */
  add(
    { origin, offset }: SpottedPiece,
    { span, entity }: { span: Span; entity: ResolvedName },
  ): void {
    const same = `${entity.key}\n${entity.ambiguous?.name ?? ''}`;
    let index = this.entityIndex.get(same);
    if (index === undefined) {
      index = this.entities.push(entity) - 1;
      this.entityIndex.set(same, index);
    }
    this.mentions.push([origin, span.start + offset, span.end + offset, index]);
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
  /** The page's language as it declares it (`<html lang>`), which the spotter reads it in. */
  lang?: string;
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
  const { title, texts, acronyms, lang } = batch;
  if (typeof title !== 'string') fail('no title');
  if (!Array.isArray(texts) || texts.length > MAX_TEXTS_PER_BATCH) fail('texts');
  let chars = 0;
  for (const item of texts as unknown[]) {
    const { text, heading, lang } = (item ?? {}) as {
      text?: unknown;
      heading?: unknown;
      lang?: unknown;
    };
    if (typeof text !== 'string' || typeof heading !== 'boolean') fail('a text');
    if (lang !== undefined && (typeof lang !== 'string' || !isLanguageTag(lang)))
      fail('a language');
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
    // A missing or malformed tag is no error: the page is read as English, as before.
    ...(typeof lang === 'string' && isLanguageTag(lang) ? { lang } : {}),
  };
}
