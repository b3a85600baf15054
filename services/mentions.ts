import type { AliasMatcher } from '../core/alias-matcher';
import type { ResolvedName } from '../core/entity';
import {
  checkMentionRequest,
  findMentions,
  type FoundMentions,
  type PageText,
} from '../core/mentions';

export interface MentionServiceDeps {
  resolveNames: (names: string[], site: string) => Promise<Record<string, ResolvedName>>;
  noteReading: (page: { url: string; title: string }, keys: string[]) => Promise<void>;
  /** The index of known names, and how it learns more; without it only the spotter reads. */
  knownNames?: {
    matcher: () => Promise<AliasMatcher>;
    learn: (names: Iterable<string>) => Promise<void>;
  };
  now: () => number;
}

/**
 * A page's later batches (a live ticker, a feed that grows) name the same entities again: each is
 * noted for the page once in this long, not once per batch.
 */
const NOTE_AGAIN_AFTER_MS = 10 * 60_000;
/** Notes remembered at most; past this the memory starts over (a note twice costs one write). */
const MAX_REMEMBERED_NOTES = 5_000;

/**
 * Reads a page's text for names, here in the background rather than in the page: the page's thread
 * only gathers text and draws marks, and the spotter's code stays compiled across tabs. The text is
 * read and dropped; only the names found in it are looked up.
 */
export function createMentionService({
  resolveNames,
  noteReading,
  knownNames,
  now,
}: MentionServiceDeps) {
  const noted = new Map<string, number>();

  /** The keys not noted for this page lately; remembers them as noted now. */
  function notYetNoted(url: string, keys: string[]): string[] {
    const at = now();
    if (noted.size > MAX_REMEMBERED_NOTES) noted.clear();
    return keys.filter((key) => {
      const id = `${url}\n${key}`;
      const last = noted.get(id);
      if (last !== undefined && at - last < NOTE_AGAIN_AFTER_MS) return false;
      noted.set(id, at);
      return true;
    });
  }

  async function findPageMentions(request: unknown): Promise<FoundMentions> {
    const { site, page, texts, acronyms } = checkMentionRequest(request);
    const known = await knownNames?.matcher().catch((error: unknown) => {
      console.warn('Gloss reads this page without its known names:', error);
      return undefined;
    });
    const found = await findMentions(texts, acronyms, (names) => resolveNames(names, site), known);
    knownNames
      ?.learn(namesToLearn(texts, found))
      .catch((error: unknown) => console.warn('Gloss could not learn these names:', error));
    const keys = notYetNoted(
      page.url,
      found.entities.filter((entity) => !entity.ambiguous).map((entity) => entity.key),
    );
    // "In your reading" learns of the page here, where its entities are known: no extra message.
    if (keys.length > 0)
      noteReading(page, keys).catch((error: unknown) =>
        console.warn('Gloss could not note this page for "In your reading":', error),
      );
    return found;
  }

  return { findPageMentions };
}

/**
 * The names as the page spelt them, for those that name one thing: "Min Aung Hlaing" is then found
 * in a headline's capitals too. A name in capitals is learnt only when short (an acronym), as a
 * headline's "MYANMAR JUNTA" would be learnt as an acronym and found only so.
 */
function namesToLearn(texts: readonly PageText[], found: FoundMentions): Set<string> {
  const names = new Set<string>();
  for (const [text, start, end, entity] of found.mentions) {
    if (found.entities[entity]!.ambiguous) continue;
    const name = texts[text]!.text.slice(start, end);
    if (name.toUpperCase() !== name || (name.length <= 8 && !name.includes(' '))) names.add(name);
  }
  return names;
}
