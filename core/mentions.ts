/**
 * From a batch of a page's texts to the mentions to mark in them: spot, ask, choose. Pure; the
 * background runs it (off the page's thread, with the spotter's code warm across tabs), the page
 * only gathers its text nodes and draws what comes back.
 */
import { candidatesIn, chooseMention, namesToResolve, pageAcronyms } from './candidates';
import type { ResolvedName } from './entity';
import type { AliasMatcher } from './alias-matcher';
import { spotNames } from './known-names';

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

/**
 * Finds the mentions in `texts`: `resolve` is asked once, for every distinct name and its longer
 * and shorter forms, plus the long forms of the page's acronyms. `knownNames` finds the names the
 * alias index knows, however the text writes them.
 */
export async function findMentions(
  texts: readonly PageText[],
  known: AcronymPairs,
  resolve: (names: string[]) => Promise<Record<string, ResolvedName>>,
  knownNames?: AliasMatcher,
): Promise<FoundMentions> {
  const spotted = texts.map(({ text, heading }) => {
    const { spans, inner } = spotNames(text, knownNames);
    return { text, spans, candidates: candidatesIn(text, spans, heading, inner) };
  });
  const acronyms = new Map(known);
  for (const [acronym, name] of pageAcronyms(spotted)) acronyms.set(acronym, name);
  const names = new Set(namesToResolve(spotted.flatMap((item) => item.candidates)));
  for (const name of acronyms.values()) names.add(name);
  const resolved = names.size > 0 ? await resolve([...names]) : {};

  const mentions: MentionTuple[] = [];
  const entities: ResolvedName[] = [];
  // Names that mean the same (a spelling and its redirect) share one entry.
  const entityIndex = new Map<string, number>();
  spotted.forEach(({ candidates }, textIndex) => {
    for (const candidate of candidates) {
      const chosen = chooseMention(candidate, resolved, acronyms);
      if (!chosen) continue;
      const { entity } = chosen;
      const same = `${entity.key}\n${entity.ambiguous?.name ?? ''}`;
      let index = entityIndex.get(same);
      if (index === undefined) {
        index = entities.push(entity) - 1;
        entityIndex.set(same, index);
      }
      mentions.push([textIndex, chosen.span.start, chosen.span.end, index]);
    }
  });
  return { mentions, entities, acronyms: [...acronyms] };
}

/** A batch of a page's text, as the page sends it to be read for names. */
export interface MentionRequest {
  /** The page's host: the reader's choices of meaning are kept per site. */
  site: string;
  /** Where the names were read, for "In your reading". */
  page: { url: string; title: string };
  texts: PageText[];
  acronyms: AcronymPairs;
}

/** Most texts in one batch; the page sends more batches for more. */
export const MAX_TEXTS_PER_BATCH = 10_000;
/** Most characters in one batch: one text node read to its limit, or many short ones. */
export const MAX_BATCH_CHARS = 1_000_000;

/** The request, checked field by field; throws (answered as an error) on anything else. */
export function checkMentionRequest(value: unknown): MentionRequest {
  const fail = (why: string): never => {
    throw new Error(`Not a batch of page text: ${why}`);
  };
  const request = (typeof value === 'object' && value !== null ? value : fail('no object')) as {
    [field: string]: unknown;
  };
  const { site, page, texts, acronyms } = request;
  if (typeof site !== 'string') fail('no site');
  const { url, title } = (page ?? {}) as { url?: unknown; title?: unknown };
  if (typeof url !== 'string' || typeof title !== 'string') fail('no page address and title');
  if (!Array.isArray(texts) || texts.length > MAX_TEXTS_PER_BATCH) fail('texts');
  let chars = 0;
  for (const item of texts as unknown[]) {
    const { text, heading } = (item ?? {}) as { text?: unknown; heading?: unknown };
    if (typeof text !== 'string' || typeof heading !== 'boolean') fail('a text');
    chars += (text as string).length;
  }
  if (chars > MAX_BATCH_CHARS) fail('too much text');
  const pairs = Array.isArray(acronyms) ? acronyms : fail('acronyms');
  for (const pair of pairs as unknown[])
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string'
    )
      fail('an acronym');
  return request as unknown as MentionRequest;
}
