import { CARD_LIFETIME_MS } from '../core/cache-policy';
import type { EntitySummary } from '../core/entity';
import type { SourceError } from '../core/errors';
import { ok, type Result } from '../core/result';
import { titleOfKey, wikiOfKey } from '../core/wikis';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { fetchSummary, type WikipediaSite } from '../gateways/wikipedia';
import { cacheFirst } from './cache-first';

export interface CardServiceDeps {
  db: GlossDb;
  cache: CacheKeeper;
  http: HttpDeps;
  /** Where the Wikipedia in a language is (the stand-in's address in tests and the demo). */
  wikipedia: (wiki: string) => Promise<WikipediaSite>;
  now: () => number;
}

/**
 * An article's summary, the card's first part: IndexedDB first (refreshed after a week, see
 * cache-first.ts), else fetched from the article's own Wikipedia and kept.
 */
export function createCardService({ db, cache, http, wikipedia, now }: CardServiceDeps) {
  async function fetchCard(key: string): Promise<Result<EntitySummary, SourceError>> {
    const answer = await fetchSummary(titleOfKey(key), await wikipedia(wikiOfKey(key)), http);
    if (!answer.ok) return answer;
    const at = now();
    const record = { summary: answer.value, fetchedAt: at, lastUsedAt: at };
    // Stored under the key asked for, and under the summary's own if a rename moved the article.
    await cache.store(() =>
      db.entities.bulkPut([
        { key, ...record },
        ...(answer.value.key !== key ? [{ key: answer.value.key, ...record }] : []),
      ]),
    );
    return ok(answer.value);
  }

  const getCard = cacheFirst({
    read: async (key: string) => {
      const stored = await db.entities.get(key);
      if (!stored) return undefined;
      // Least recently used cards are the first evicted when the cache is full.
      await db.entities.update(key, { lastUsedAt: now() });
      return { value: stored.summary, fetchedAt: stored.fetchedAt };
    },
    fetchAndStore: fetchCard,
    keyOf: (key) => key,
    lifetimeMs: CARD_LIFETIME_MS,
    now,
  });

  return { getCard };
}
