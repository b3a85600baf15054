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
 * The background's read path for card data: the stored value while it is fresh; else one fetch
 * per key however many pages ask at once; the stored value again when that fetch fails (old data
 * beats none).
 */
export function cacheFirst<A extends unknown[], T>(options: CacheFirstOptions<A, T>) {
  const inFlight = new Map<string, Promise<Result<T, SourceError>>>();
  return async (...args: A): Promise<Result<T, SourceError>> => {
    const stored = await options.read(...args);
    if (stored && options.now() - stored.fetchedAt < options.lifetimeMs) return ok(stored.value);
    const key = options.keyOf(...args);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = options.fetchAndStore(...args);
      inFlight.set(key, pending);
      void pending.finally(() => inFlight.delete(key));
    }
    const fetched = await pending;
    return fetched.ok || !stored ? fetched : ok(stored.value);
  };
}
