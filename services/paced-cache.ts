import type { SourceError } from '../core/errors';
import type { NewsAnswer } from '../core/news';
import { ok, type Result } from '../core/result';
import { answerWithin, type NewsPacing, type NewsPart, type PacedSource } from './news-pacing';

export interface PacedCacheOptions<T> {
  /** What the database holds under a cache key, with when it was fetched. */
  read: (cacheKey: string) => Promise<{ value: T; fetchedAt: number } | undefined>;
  /** Keeps a fresh answer (within the cache's limits). */
  store: (cacheKey: string, value: T) => Promise<unknown>;
  lifetimeMs: number;
  pacing: NewsPacing;
  now: () => number;
}

/** One card's ask of a paced source. */
export interface PacedAsk<T> {
  source: PacedSource;
  /** The request itself, as the queue tells requests apart (the same for a topic's same query). */
  id: string;
  cacheKey: string;
  /** The entity whose card asks, whose interest sets the rank. */
  key: string;
  part: NewsPart;
  run: () => Promise<Result<T, SourceError>>;
}

/**
 * A card's read of a paced source: the stored answer at once when there is one (refreshed, when
 * old, at the rank of what no card waits for), else the source through its queue, answered within
 * a moment or with where the request stands. Asking again while it waits joins the same request.
 */
export function pacedCache<T>({ read, store, lifetimeMs, pacing, now }: PacedCacheOptions<T>) {
  const inFlight = new Map<string, Promise<Result<T, SourceError>>>();

  /**
   * One wait per request and cache key: two entities whose query is the same ("Georgia" the
   * country and the state) share the queue's one request, each with its own rank, and each keeps
   * the answer under its own key.
   */
  function fetchOnce(ask: PacedAsk<T>, rankKey: string | undefined) {
    const waitId = `${ask.id}\n${ask.cacheKey}`;
    let pending = inFlight.get(waitId);
    if (!pending) {
      pending = pacing
        .ask(ask.source, ask.id, ask.run, rankKey, ask.part)
        .then(async (answer) => {
          // An answer the database cannot keep is still shown.
          if (answer.ok)
            await store(ask.cacheKey, answer.value).catch((error: unknown) =>
              console.warn('Gloss could not keep the news it was sent:', error),
            );
          return answer;
        })
        .finally(() => inFlight.delete(waitId));
      inFlight.set(waitId, pending);
    }
    return pending;
  }

  async function get(ask: PacedAsk<T>): Promise<Result<NewsAnswer<T>, SourceError>> {
    const stored = await read(ask.cacheKey);
    if (stored) {
      // A refresh has no card waiting on it: it goes after every card's request (no key, no rank).
      if (now() - stored.fetchedAt >= lifetimeMs) void fetchOnce(ask, undefined);
      return ok({ status: 'done', value: stored.value });
    }
    return answerWithin(fetchOnce(ask, ask.key), () => pacing.status(ask.source, ask.id));
  }

  /** Settles when every request under way has (for tests). */
  get.settled = async () => {
    await Promise.allSettled(inFlight.values());
  };
  return get;
}
