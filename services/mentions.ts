import type { ResolvedName } from '../core/entity';
import { checkMentionRequest, findMentions, type FoundMentions } from '../core/mentions';

export interface MentionServiceDeps {
  resolveNames: (names: string[], site: string) => Promise<Record<string, ResolvedName>>;
  noteReading: (page: { url: string; title: string }, keys: string[]) => Promise<void>;
}

/**
 * Reads a page's text for names, here in the background rather than in the page: the page's thread
 * only gathers text and draws marks, and the spotter's code stays compiled across tabs. The text is
 * read and dropped; only the names found in it are looked up.
 */
export function createMentionService({ resolveNames, noteReading }: MentionServiceDeps) {
  async function findPageMentions(request: unknown): Promise<FoundMentions> {
    const { site, page, texts, acronyms } = checkMentionRequest(request);
    const found = await findMentions(texts, acronyms, (names) => resolveNames(names, site));
    const keys = found.entities.filter((entity) => !entity.ambiguous).map((entity) => entity.key);
    // "In your reading" learns of the page here, where its entities are known: no extra message.
    if (keys.length > 0)
      noteReading(page, keys).catch((error: unknown) =>
        console.warn('Gloss could not note this page for "In your reading":', error),
      );
    return found;
  }

  return { findPageMentions };
}
