import { newestUnique, type RelatedArticle } from '../core/articles';
import { RELATED_LIFETIME_MS } from '../core/cache-policy';
import type { SourceError } from '../core/errors';
import { ok, type Result } from '../core/result';
import { createCacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import { fetchRelated, type GdeltSite } from '../gateways/gdelt';
import type { HttpDeps } from '../gateways/http';
import { cacheFirst } from './cache-first';

export interface RelatedServiceDeps {
  db: GlossDb;
  http: HttpDeps;
  site: () => Promise<GdeltSite>;
  now: () => number;
}

/**
 * An entity's latest articles: from IndexedDB within the hour, else from GDELT; the old list when
 * GDELT is busy or unreachable. Failures are never stored.
 */
export function createRelatedService({ db, http, site, now }: RelatedServiceDeps) {
  const cache = createCacheKeeper(db);
  async function fetchAndStore(
    key: string,
    title: string,
  ): Promise<Result<RelatedArticle[], SourceError>> {
    const answer = await fetchRelated(title, await site(), http);
    if (!answer.ok) return answer;
    const articles = newestUnique(answer.value);
    await cache.store(() => db.related.put({ key, articles, fetchedAt: now() }));
    return ok(articles);
  }

  const getRelated = cacheFirst({
    read: async (key: string, _title: string) => {
      const stored = await db.related.get(key);
      return stored && { value: stored.articles, fetchedAt: stored.fetchedAt };
    },
    fetchAndStore,
    keyOf: (key) => key,
    lifetimeMs: RELATED_LIFETIME_MS,
    now,
  });

  return { getRelated };
}
