import { titleMentions, type RelatedArticle } from '../core/articles';
import { RELATED_LIFETIME_MS } from '../core/cache-policy';
import type { SourceError } from '../core/errors';
import type { NewsAnswer, NewsSource } from '../core/news';
import { ok, type Result } from '../core/result';
import { bareTitle } from '../core/wikis';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import { fetchFeed } from '../gateways/feeds';
import { fetchRelated, GDELT_TIMEOUT_MS, type GdeltSite } from '../gateways/gdelt';
import { fetchGoogleNews, type GoogleNewsSite } from '../gateways/google-news';
import type { HttpDeps } from '../gateways/http';
import { cacheFirst } from './cache-first';
import type { NewsName } from './news-names';
import type { NewsPacing } from './news-pacing';
import { pacedCache } from './paced-cache';

export interface RelatedServiceDeps {
  db: GlossDb;
  /** Writes the cache within its limits (data/cache-keeper.ts): one for the whole background. */
  cache: CacheKeeper;
  http: HttpDeps;
  pacing: NewsPacing;
  /** Where GDELT is, or undefined when the reader turned it off. */
  gdelt: () => Promise<GdeltSite | undefined>;
  /** Where Google News is, or undefined when the reader turned it off. */
  googleNews: () => Promise<GoogleNewsSite | undefined>;
  /** The language the reader's cards are in: Google News is read in its edition. */
  cardLanguage: () => Promise<string>;
  /** The reader's own RSS and Atom feeds. */
  feeds: () => Promise<string[]>;
  /** The name GDELT is asked for an entity by (services/news-names.ts); its bare title when absent. */
  newsName?: NewsName;
  now: () => number;
}

/** Each source's list is cached beside the others', under its own kind of key. */
const cacheKeyOf = {
  gdelt: (key: string) => key,
  googleNews: (key: string) => `googleNews:${key}`,
  feed: (url: string) => `feed:${url}`,
};

/** The id of GDELT's request for a name's latest articles: a topic's check of it is the same one. */
export const gdeltArticlesId = (name: string) => `artlist ${name}`;

const OFF = ok({ status: 'off' } as const);

/**
 * An entity's latest articles, one source at a time, so a card shows each as it comes: GDELT's and
 * Google News' through their paced queues, and the items of the reader's feeds that name it. Each
 * source is cached for an hour and refreshed after; failures are never stored.
 *
 * Long as a whole because it is a factory: its sources share the cache and the pacing.
 */
export function createRelatedService({
  db,
  cache,
  http,
  pacing,
  gdelt,
  googleNews,
  cardLanguage,
  feeds,
  newsName = async (_key, title) => bareTitle(title),
  now,
}: RelatedServiceDeps) {
  const stored = async (cacheKey: string) => {
    const record = await db.related.get(cacheKey);
    return record && { value: record.articles, fetchedAt: record.fetchedAt };
  };
  const store = (cacheKey: string, articles: RelatedArticle[]) =>
    cache.store(() => db.related.put({ key: cacheKey, articles, fetchedAt: now() }));
  const paced = pacedCache({
    read: stored,
    store,
    lifetimeMs: RELATED_LIFETIME_MS,
    pacing,
    now,
  });
  /** GDELT is slow when busy: its requests get its own timeout, and the queue handles its 429s. */
  const gdeltHttp: HttpDeps = { ...http, timeoutMs: GDELT_TIMEOUT_MS, backoff: undefined };

  async function fromGdelt(key: string, title: string) {
    const site = await gdelt();
    if (!site) return OFF;
    const name = await newsName(key, title);
    return paced({
      source: 'gdelt',
      id: gdeltArticlesId(name),
      cacheKey: cacheKeyOf.gdelt(key),
      key,
      part: 'articles',
      run: () => fetchRelated(name, site, gdeltHttp),
    });
  }

  async function fromGoogleNews(key: string, title: string) {
    const site = await googleNews();
    if (!site) return OFF;
    const lang = await cardLanguage();
    const name = bareTitle(title);
    return paced({
      source: 'googleNews',
      id: `${lang} ${name}`,
      cacheKey: cacheKeyOf.googleNews(key),
      key,
      part: 'articles',
      // Its answers come with no Retry-After: the queue's pacing stands in for the shared wait.
      run: () => fetchGoogleNews(name, lang, site, { ...http, backoff: undefined }),
    });
  }

  const feedItems = cacheFirst({
    read: (url: string) => stored(cacheKeyOf.feed(url)),
    fetchAndStore: async (url: string): Promise<Result<RelatedArticle[], SourceError>> => {
      const answer = await fetchFeed(url, http);
      if (!answer.ok) return answer;
      await store(cacheKeyOf.feed(url), answer.value.articles);
      return ok(answer.value.articles);
    },
    keyOf: cacheKeyOf.feed,
    lifetimeMs: RELATED_LIFETIME_MS,
    now,
  });

  /** The items of the reader's feeds whose titles name the entity; an error only when none could be read. */
  async function fromFeeds(
    title: string,
  ): Promise<Result<NewsAnswer<RelatedArticle[]>, SourceError>> {
    const urls = await feeds();
    if (urls.length === 0) return OFF;
    const lists = await Promise.all(urls.map((url) => feedItems(url)));
    const read = lists.flatMap((list) => (list.ok ? list.value : []));
    const failed = lists.find((list) => !list.ok);
    if (failed && read.length === 0) return failed;
    return ok({
      status: 'done',
      value: read.filter((article) => titleMentions(article.title, title)),
    });
  }

  function getRelated(
    key: string,
    title: string,
    source: NewsSource,
  ): Promise<Result<NewsAnswer<RelatedArticle[]>, SourceError>> {
    if (source === 'gdelt') return fromGdelt(key, title);
    if (source === 'googleNews') return fromGoogleNews(key, title);
    return fromFeeds(title);
  }

  /** Settles when every request and refresh under way has (for tests). */
  getRelated.settled = () => Promise.all([paced.settled(), feedItems.settled()]);

  return { getRelated };
}
