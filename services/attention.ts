import { attentionOf, type Attention } from '../core/attention';
import type { SourceError } from '../core/errors';
import type { NewsAnswer } from '../core/news';
import { ok, type Result } from '../core/result';
import { titleOfKey, wikiOfKey } from '../core/wikis';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { fetchDailyViews, type PageviewsSite } from '../gateways/pageviews';
import { cacheFirst } from './cache-first';

export interface AttentionServiceDeps {
  db: GlossDb;
  cache: CacheKeeper;
  http: HttpDeps;
  /** Where Wikimedia's pageviews API is, or undefined when the reader turned it off. */
  site: () => Promise<PageviewsSite | undefined>;
  now: () => number;
}

/** Daily counts change once a day: a day's figures are kept for half of one. */
const ATTENTION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/**
 * How many read an entity's Wikipedia article each day of the last month (Wikimedia's pageviews,
 * on the article's own wiki): the card's attention line, which never waits for a news source.
 */
export function createAttentionService({ db, cache, http, site, now }: AttentionServiceDeps) {
  const read = cacheFirst({
    read: async (key: string, _where: PageviewsSite) => {
      const record = await db.attention.get(key);
      return record && { value: record.attention, fetchedAt: record.fetchedAt };
    },
    fetchAndStore: async (
      key: string,
      where: PageviewsSite,
    ): Promise<Result<Attention, SourceError>> => {
      const daily = await fetchDailyViews(wikiOfKey(key), titleOfKey(key), where, http, now());
      if (!daily.ok) return daily;
      const attention = attentionOf(daily.value);
      await cache.store(() => db.attention.put({ key, attention, fetchedAt: now() }));
      return ok(attention);
    },
    keyOf: (key) => key,
    lifetimeMs: ATTENTION_LIFETIME_MS,
    now,
  });

  async function getAttention(key: string): Promise<Result<NewsAnswer<Attention>, SourceError>> {
    const where = await site();
    if (!where) return ok({ status: 'off' });
    const answer = await read(key, where);
    return answer.ok ? ok({ status: 'done', value: answer.value }) : answer;
  }
  getAttention.settled = () => read.settled();
  return { getAttention };
}
