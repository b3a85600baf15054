import { RELATED_LIFETIME_MS } from '../core/cache-policy';
import { dailyPoints, namesBeside, spikeDays, type Coverage } from '../core/coverage';
import type { SourceError } from '../core/errors';
import { groupStories } from '../core/stories';
import { ok, type Result } from '../core/result';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import { fetchDayArticles, fetchTimeline, type GdeltSite } from '../gateways/gdelt';
import type { HttpDeps } from '../gateways/http';
import { cacheFirst } from './cache-first';
import type { NewsName } from './news-names';
import { bareTitle } from '../core/wikis';

export interface CoverageServiceDeps {
  db: GlossDb;
  /** Writes the cache within its limits (data/cache-keeper.ts): one for the whole background. */
  cache: CacheKeeper;
  http: HttpDeps;
  /** Where GDELT is, or undefined when the reader turned it off. */
  site: () => Promise<GdeltSite | undefined>;
  /** The name GDELT is asked for an entity by (services/news-names.ts); its bare title when absent. */
  newsName?: NewsName;
  now: () => number;
}

/** Headlines of the highest spike the card lists. */
const PEAK_HEADLINES = 3;

/**
 * An entity's coverage over the last month from GDELT: the daily line, its spikes, and the
 * highest spike's headlines with the names they mention beside it. Cached for an hour like the
 * latest articles; GDELT off, failing or knowing nothing leaves the card without it.
 */
export function createCoverageService({
  db,
  cache,
  http,
  site,
  newsName = async (_key, title) => bareTitle(title),
  now,
}: CoverageServiceDeps) {
  const getCoverage = cacheFirst({
    read: async (key: string, _title: string) => {
      const record = await db.coverage.get(key);
      return record && { value: record.coverage, fetchedAt: record.fetchedAt };
    },
    fetchAndStore: async (key: string, title: string): Promise<Result<Coverage, SourceError>> => {
      const where = await site();
      if (!where) return ok({ points: [], spikes: [] });
      const name = await newsName(key, title);
      const timeline = await fetchTimeline(name, where, http);
      if (!timeline.ok) return timeline;
      const points = dailyPoints(timeline.value);
      const spikes = spikeDays(points);
      const coverage: Coverage = { points, spikes };
      const highest = spikes[0];
      if (highest) {
        // The peak's story is extra: without it the line still shows.
        const day = await fetchDayArticles(name, highest, where, http);
        if (day.ok && day.value.length > 0) {
          // A story many sites told is one headline.
          const headlines = groupStories(day.value, title, PEAK_HEADLINES).map(
            (story) => story.lead,
          );
          coverage.peak = {
            day: highest,
            headlines,
            withNames: namesBeside(
              day.value.map((article) => article.title),
              title,
            ),
          };
        }
      }
      await cache.store(() => db.coverage.put({ key, coverage, fetchedAt: now() }));
      return ok(coverage);
    },
    keyOf: (key) => key,
    lifetimeMs: RELATED_LIFETIME_MS,
    now,
  });
  return { getCoverage };
}
