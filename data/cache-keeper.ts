import type { GlossDb } from './db';

/**
 * How many records each cache table keeps before the least recently used go. A summary with its
 * facts and articles is a few kilobytes, so the whole cache stays within some tens of megabytes.
 */
export const CACHE_LIMITS = {
  entities: 3000,
  facts: 3000,
  related: 1000,
  coverage: 1000,
  attention: 1000,
  aliases: 50_000,
  /** Pages remembered for "In your reading": a history, so the oldest go first too. */
  readings: 5000,
};
export type CacheLimits = typeof CACHE_LIMITS;

/** Writes between two checks of the limits: counting a table is cheap, but not free. */
const WRITES_PER_CHECK = 50;

/** What is left after eviction, as a share of the limit: room for the next writes. */
const KEEP_SHARE = 0.9;

/** IndexedDB's "storage is full", however Dexie or the browser wraps it. */
export function isQuotaError(error: unknown): boolean {
  for (let at = error as { name?: string; inner?: unknown } | undefined; at;) {
    if (at.name === 'QuotaExceededError') return true;
    at = at.inner as typeof at;
  }
  return false;
}

/**
 * Keeps the cache tables within their limits, least recently used first, and survives a full disk
 * by evicting cache and trying once more. Only cache (and the oldest reading history) is ever
 * evicted: settings live in extension storage, subscriptions and choices in tables this never touches.
 *
 * Long as a whole because it lists its tables, each with how to count, trim and clear it; the
 * functions that use the list are short.
 */
export function createCacheKeeper(db: GlossDb, limits: CacheLimits = CACHE_LIMITS) {
  let writes = 0;

  // The bundled pack's entries are not cache: they could not be fetched back offline.
  const learntAliases = () => db.aliases.filter((alias) => alias.source !== 'pack');
  // Each kept table: how to count it, how to drop its least recently used records, and for the
  // cache's own tables how to empty them (reading history is the reader's, not cache).
  const tables = [
    {
      limit: limits.entities,
      count: () => db.entities.count(),
      dropOldest: (n: number) => db.entities.orderBy('lastUsedAt').limit(n).delete(),
      clear: () => db.entities.clear(),
    },
    {
      limit: limits.facts,
      count: () => db.facts.count(),
      dropOldest: (n: number) => db.facts.orderBy('fetchedAt').limit(n).delete(),
      clear: () => db.facts.clear(),
    },
    {
      limit: limits.related,
      count: () => db.related.count(),
      dropOldest: (n: number) => db.related.orderBy('fetchedAt').limit(n).delete(),
      clear: () => db.related.clear(),
    },
    {
      limit: limits.coverage,
      count: () => db.coverage.count(),
      dropOldest: (n: number) => db.coverage.orderBy('fetchedAt').limit(n).delete(),
      clear: () => db.coverage.clear(),
    },
    {
      limit: limits.attention,
      count: () => db.attention.count(),
      dropOldest: (n: number) => db.attention.orderBy('fetchedAt').limit(n).delete(),
      clear: () => db.attention.clear(),
    },
    {
      limit: limits.aliases,
      count: () => db.aliases.count(),
      dropOldest: (n: number) =>
        db.aliases
          .orderBy('checkedAt')
          .filter((alias) => alias.source !== 'pack')
          .limit(n)
          .delete(),
      clear: () => learntAliases().delete(),
    },
    {
      limit: limits.readings,
      count: () => db.readings.count(),
      dropOldest: (n: number) => db.readings.orderBy('seenAt').limit(n).delete(),
    },
  ];

  /** Trims every table over its limit to the keep share of it; returns how many records went. */
  async function trimToLimits(): Promise<number> {
    let removed = 0;
    for (const table of tables) {
      const count = await table.count();
      if (count > table.limit)
        removed += await table.dropOldest(count - Math.floor(table.limit * KEEP_SHARE));
    }
    return removed;
  }

  /** Storage is full: drops the older half of every cache table. */
  async function makeRoom(): Promise<number> {
    let removed = 0;
    for (const table of tables)
      removed += await table.dropOldest(Math.ceil((await table.count()) / 2));
    return removed;
  }

  /**
   * Runs a cache write. When storage is full it evicts half of every cache table and tries once
   * more; if that fails too the value is simply not cached (the reader still gets it). Returns
   * whether the write landed.
   */
  async function store(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
    } catch (error) {
      // The worker is stopping and took the connection with it: this copy is lost, nothing else.
      if (isClosedError(error)) return false;
      if (!isQuotaError(error)) throw error;
      await makeRoom();
      try {
        await write();
      } catch (again) {
        if (!isQuotaError(again)) throw again;
        console.warn('Gloss: storage is full; this answer was not cached.');
        return false;
      }
    }
    writes += 1;
    if (writes % WRITES_PER_CHECK === 0) await trimToLimits();
    return true;
  }

  /** Empties the cache; the bundled pack's names, topics, choices and reading history stay. */
  async function clear(): Promise<void> {
    await db.transaction(
      'rw',
      [db.entities, db.facts, db.related, db.coverage, db.attention, db.aliases],
      () => Promise.all(tables.map((table) => table.clear?.())),
    );
  }

  return { store, trimToLimits, makeRoom, clear };
}

export type CacheKeeper = ReturnType<typeof createCacheKeeper>;

/** Whether an error says the database connection was closed (Dexie's DatabaseClosedError). */
function isClosedError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DatabaseClosedError';
}
