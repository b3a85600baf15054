import type { SourceError } from '../core/errors';
import { ok, type Result } from '../core/result';

export interface CacheFirstOptions<A extends unknown[], T> {
  /** What the database holds for these arguments, with when it was fetched. */
  read: (...args: A) => Promise<{ value: T; fetchedAt: number } | undefined>;
  /** Fetches from the source and stores what it gets; a failure is returned, never stored. */
  fetchAndStore: (...args: A) => Promise<Result<T, SourceError>>;
  keyOf: (...args: A) => string;
  lifetimeMs: number;
  now: () => number;
}

/**
 * The background's read path for card data: the stored value at once, fresh or not, and when it
 * is past its lifetime a refresh in the background for the next look (stale while revalidating);
 * with nothing stored, one fetch per key however many pages ask at once. A failed refresh keeps
 * the old value: old data beats none.
 */
export function cacheFirst<A extends unknown[], T>(options: CacheFirstOptions<A, T>) {
  const inFlight = new Map<string, Promise<Result<T, SourceError>>>();
  const fetchOnce = (args: A): Promise<Result<T, SourceError>> => {
    const key = options.keyOf(...args);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = options.fetchAndStore(...args);
      inFlight.set(key, pending);
      // Whoever asked handles a failure; this bookkeeping must not raise it a second time.
      pending.finally(() => inFlight.delete(key)).catch(() => undefined);
    }
    return pending;
  };
  const read = async (...args: A): Promise<Result<T, SourceError>> => {
    const stored = await options.read(...args);
    if (!stored) return fetchOnce(args);
    if (options.now() - stored.fetchedAt >= options.lifetimeMs)
      // Nobody waits for a refresh: its failure is reported here, and the old value stays.
      fetchOnce(args).catch((error: unknown) => console.error('Gloss: a refresh failed.', error));
    return ok(stored.value);
  };
  /** Settles when every refresh under way has (for tests and the benchmark). */
  read.settled = async () => {
    await Promise.allSettled(inFlight.values());
  };
  return read;
}
