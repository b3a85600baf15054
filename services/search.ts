import { normaliseAlias } from '../core/alias';
import type { SearchHit } from '../core/entity';
import type { SourceError } from '../core/errors';
import { ok, type Result } from '../core/result';
import type { GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { prefixSearch } from '../gateways/mediawiki';
import type { WikipediaSite } from '../gateways/wikipedia';
import { aliasId, keyOfTitle, titleOfKey } from '../core/wikis';

export type { SearchHit } from '../core/entity';

export interface SearchServiceDeps {
  db: GlossDb;
  http: HttpDeps;
  site: () => Promise<WikipediaSite>;
  now: () => number;
}

/** Results listed at most. */
const HITS = 8;

/** Recent look-ups kept for the popup. */
const RECENT = 8;

/**
 * The popup's search: the local alias index first (instant, offline), then Wikipedia's prefix
 * search, where a newer search cancels the one still under way.
 */
export function createSearchService({ db, http, site, now }: SearchServiceDeps) {
  let current: AbortController | undefined;

  /** Names Gloss already knows that start with the typed text, each article once. */
  async function searchLocal(typed: string): Promise<SearchHit[]> {
    const prefix = normaliseAlias(typed);
    if (prefix.length < 2) return [];
    // The card wiki's names: a hit opens its card as it is.
    const found = await db.aliases
      .where('alias')
      .startsWith(aliasId((await site()).lang, prefix))
      .filter((alias) => alias.outcome === 'found' && alias.key !== null)
      .limit(HITS * 4)
      .toArray();
    const byKey = new Map<string, SearchHit>();
    // Shorter names first: "asean" before "asean summit".
    for (const alias of found.sort((a, b) => a.alias.length - b.alias.length)) {
      if (byKey.has(alias.key!)) continue;
      byKey.set(alias.key!, {
        key: alias.key!,
        title: alias.title ?? titleOfKey(alias.key!),
        ...(alias.description ? { description: alias.description } : {}),
      });
    }
    return [...byKey.values()].slice(0, HITS);
  }

  /** Wikipedia's articles whose titles start with the typed text (disambiguation pages left out). */
  async function searchWikipedia(typed: string): Promise<Result<SearchHit[], SourceError>> {
    current?.abort();
    const mine = new AbortController();
    current = mine;
    const text = typed.trim();
    if (text.length < 2) return ok([]);
    const where = await site();
    const answer = await prefixSearch(text.slice(0, 100), where, { ...http, signal: mine.signal });
    if (!answer.ok) return answer;
    return ok(
      answer.value
        .filter((hit) => !hit.disambiguation)
        .map((hit) => ({
          key: keyOfTitle(where.lang, hit.title),
          title: hit.title,
          ...(hit.description ? { description: hit.description } : {}),
        })),
    );
  }

  /** Remembers a look-up for "Recent"; keeps the latest few. */
  async function recordLookup(hit: SearchHit): Promise<void> {
    await db.lookups.put({ ...hit, lookedUpAt: now() });
    const stale = await db.lookups.orderBy('lookedUpAt').reverse().offset(RECENT).primaryKeys();
    if (stale.length > 0) await db.lookups.bulkDelete(stale);
  }

  return { searchLocal, searchWikipedia, recordLookup };
}
