import { RELATED_LIFETIME_MS } from '../core/cache-policy';
import { dailyPoints, namesBeside, spikeDays, type Coverage } from '../core/coverage';
import type { SourceError } from '../core/errors';
import type { NewsAnswer } from '../core/news';
import { ok, type Result } from '../core/result';
import { groupStories } from '../core/stories';
import { bareTitle } from '../core/wikis';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import {
  fetchTimeline,
  GDELT_TIMEOUT_MS,
  type GdeltSite,
  type TimelineStep,
} from '../gateways/gdelt';
import type { HttpDeps } from '../gateways/http';
import type { NewsName } from './news-names';
import type { NewsPacing } from './news-pacing';
import { pacedCache } from './paced-cache';

export interface CoverageServiceDeps {
  db: GlossDb;
  /** Writes the cache within its limits (data/cache-keeper.ts): one for the whole background. */
  cache: CacheKeeper;
  http: HttpDeps;
  pacing: NewsPacing;
  /** Where GDELT is, or undefined when the reader turned it off. */
  site: () => Promise<GdeltSite | undefined>;
  /** The name GDELT is asked for an entity by (services/news-names.ts); its bare title when absent. */
  newsName?: NewsName;
  now: () => number;
}

/** Headlines of the highest spike the card lists. */
const PEAK_HEADLINES = 3;

/**
 * An entity's coverage over the last month, as the card's news line: the daily line, its spikes,
 * and the highest spike's headlines (GDELT's top articles of that day) with the names they
 * mention beside it. One GDELT request, paced behind every card's latest articles; cached for an
 * hour like them.
 */
export function createCoverageService({
  db,
  cache,
  http,
  pacing,
  site,
  newsName = async (_key, title) => bareTitle(title),
  now,
}: CoverageServiceDeps) {
  const paced = pacedCache<Coverage>({
    read: async (key) => {
      const record = await db.coverage.get(key);
      return record && { value: record.coverage, fetchedAt: record.fetchedAt };
    },
    store: (key, coverage) =>
      cache.store(() => db.coverage.put({ key, coverage, fetchedAt: now() })),
    lifetimeMs: RELATED_LIFETIME_MS,
    pacing,
    now,
  });
  const gdeltHttp: HttpDeps = { ...http, timeoutMs: GDELT_TIMEOUT_MS, backoff: undefined };

  async function getCoverage(
    key: string,
    title: string,
  ): Promise<Result<NewsAnswer<Coverage>, SourceError>> {
    const where = await site();
    if (!where) return ok({ status: 'off' });
    const name = await newsName(key, title);
    return paced({
      source: 'gdelt',
      id: `timeline ${name}`,
      cacheKey: key,
      key,
      part: 'coverage',
      run: async () => {
        const timeline = await fetchTimeline(name, where, gdeltHttp);
        return timeline.ok ? ok(coverageOf(timeline.value, title)) : timeline;
      },
    });
  }
  getCoverage.settled = () => paced.settled();
  return { getCoverage };
}

/** The card's coverage from a timeline's steps: the line, its spikes, the highest one's story. */
export function coverageOf(steps: readonly TimelineStep[], title: string): Coverage {
  const points = dailyPoints(steps);
  const spikes = spikeDays(points);
  const coverage: Coverage = { points, spikes };
  const highest = spikes[0];
  const top = highest
    ? steps
        .filter((step) => step.date.startsWith(highest.replace(/-/g, '')))
        .flatMap((step) => step.top)
    : [];
  if (highest && top.length > 0) {
    coverage.peak = {
      day: highest,
      // A story many sites told is one headline.
      headlines: groupStories(top, title, PEAK_HEADLINES).map((story) => story.lead),
      withNames: namesBeside(
        top.map((article) => article.title),
        title,
      ),
    };
  }
  return coverage;
}
