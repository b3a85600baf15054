import { combineSources, type RelatedArticle } from '../core/articles';
import { RELATED_LIFETIME_MS } from '../core/cache-policy';
import type { SourceError } from '../core/errors';
import { ok, type Result } from '../core/result';
import { groupStories, type Story } from '../core/stories';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import { fetchFeed } from '../gateways/feeds';
import { fetchRelated, type GdeltSite } from '../gateways/gdelt';
import type { HttpDeps } from '../gateways/http';
import { cacheFirst } from './cache-first';
import type { NewsName } from './news-names';
import { bareTitle } from '../core/wikis';

export interface RelatedServiceDeps {
  db: GlossDb;
  /** Writes the cache within its limits (data/cache-keeper.ts): one for the whole background. */
  cache: CacheKeeper;
  http: HttpDeps;
  /** Where GDELT is, or undefined when the reader turned it off. */
  site: () => Promise<GdeltSite | undefined>;
  /** The reader's own RSS and Atom feeds. */
  feeds: () => Promise<string[]>;
  /** The name GDELT is asked for an entity by (services/news-names.ts); its bare title when absent. */
  newsName?: NewsName;
  now: () => number;
}

/** A feed's items are cached beside the entities' lists, under the feed's address. */
const feedKey = (url: string) => `feed:${url}`;

/**
 * An entity's latest articles, newest first and each story once: GDELT's, and those of the reader's
 * feeds whose titles name it. Each source is cached for an hour and refreshed in the background;
 * the answer is an error only when no source could be read at all. Failures are never stored.
 */
export function createRelatedService({
  db,
  cache,
  http,
  site,
  feeds,
  newsName = async (_key, title) => bareTitle(title),
  now,
}: RelatedServiceDeps) {
  const stored = async (key: string) => {
    const record = await db.related.get(key);
    return record && { value: record.articles, fetchedAt: record.fetchedAt };
  };

  const fromGdelt = cacheFirst({
    read: (key: string, _title: string) => stored(key),
    fetchAndStore: async (key: string, title: string) => {
      const where = await site();
      if (!where) return ok([]);
      const answer = await fetchRelated(await newsName(key, title), where, http);
      if (!answer.ok) return answer;
      // All of them: copies and other tellings are what stories are made of.
      const articles = answer.value;
      await cache.store(() => db.related.put({ key, articles, fetchedAt: now() }));
      return ok(articles);
    },
    keyOf: (key) => key,
    lifetimeMs: RELATED_LIFETIME_MS,
    now,
  });

  const fromFeed = cacheFirst({
    read: (url: string) => stored(feedKey(url)),
    fetchAndStore: async (url: string): Promise<Result<RelatedArticle[], SourceError>> => {
      const answer = await fetchFeed(url, http);
      if (!answer.ok) return answer;
      const { articles } = answer.value;
      await cache.store(() => db.related.put({ key: feedKey(url), articles, fetchedAt: now() }));
      return ok(articles);
    },
    keyOf: feedKey,
    lifetimeMs: RELATED_LIFETIME_MS,
    now,
  });

  async function getRelated(key: string, title: string): Promise<Result<Story[], SourceError>> {
    const [news, lists] = await Promise.all([
      fromGdelt(key, title),
      feeds().then((urls) => Promise.all(urls.map((url) => fromFeed(url)))),
    ]);
    const articles = combineSources(news, lists, title);
    return articles.ok ? ok(groupStories(articles.value, title)) : articles;
  }

  /** Settles when every background refresh has (for tests). */
  getRelated.settled = () => Promise.all([fromGdelt.settled(), fromFeed.settled()]);

  return { getRelated };
}
