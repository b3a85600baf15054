import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CACHE_LIMITS, createCacheKeeper, isQuotaError } from '../../../data/cache-keeper';
import { GlossDb, type EntityRecord } from '../../../data/db';
import type { EntitySummary } from '../../../core/entity';

let db: GlossDb;
beforeEach(() => {
  db = new GlossDb(`keeper-${Math.random()}`);
});
afterEach(() => db.delete());

const entity = (n: number): EntityRecord => ({
  key: `en:Entity_${n}`,
  summary: { title: `Entity ${n}` } as EntitySummary,
  fetchedAt: n,
  lastUsedAt: n,
});

/** What a full disk looks like when Dexie reports it. */
const quotaError = () =>
  new Dexie.AbortError('transaction aborted', new DOMException('full', 'QuotaExceededError'));

describe('the cache keeper', () => {
  it('trims a table over its limit, least recently used first', async () => {
    const keeper = createCacheKeeper(db, { ...CACHE_LIMITS, entities: 100 });
    await db.entities.bulkPut(Array.from({ length: 120 }, (_, n) => entity(n)));
    // The oldest by fetch, but used just now: it stays.
    await db.entities.update('en:Entity_0', { lastUsedAt: 1_000 });
    expect(await keeper.trimToLimits()).toBe(30);
    expect(await db.entities.count()).toBe(90);
    expect(await db.entities.get('en:Entity_0')).toBeDefined();
    expect(await db.entities.get('en:Entity_1')).toBeUndefined();
    expect(await db.entities.get('en:Entity_119')).toBeDefined();
  });

  it('never evicts the bundled alias pack', async () => {
    const keeper = createCacheKeeper(db, { ...CACHE_LIMITS, aliases: 10 });
    await db.aliases.bulkPut(
      Array.from({ length: 20 }, (_, n) => ({
        alias: `name ${n}`,
        outcome: 'candidate' as const,
        key: null,
        source: n < 12 ? ('pack' as const) : ('wikipedia' as const),
        score: 1,
        checkedAt: n,
      })),
    );
    await keeper.trimToLimits();
    expect(await db.aliases.where('source').equals('pack').count()).toBe(12);
  });

  it('makes room when storage is full, writes again, and leaves subscriptions alone', async () => {
    const keeper = createCacheKeeper(db);
    await db.entities.bulkPut(Array.from({ length: 10 }, (_, n) => entity(n)));
    await db.subscriptions.put({
      key: 'en:ASEAN',
      kind: 'entity',
      title: 'ASEAN',
      query: 'ASEAN',
      notify: false,
      subscribedAt: 1,
    });
    const write = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(quotaError())
      .mockImplementation(() => db.entities.put(entity(99)));
    expect(await keeper.store(write)).toBe(true);
    expect(write).toHaveBeenCalledTimes(2);
    expect(await db.entities.count()).toBe(6);
    expect(await db.entities.get('en:Entity_99')).toBeDefined();
    expect(await db.subscriptions.count()).toBe(1);
  });

  it('gives up quietly when storage stays full, and passes other errors on', async () => {
    const keeper = createCacheKeeper(db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await keeper.store(() => Promise.reject(quotaError()))).toBe(false);
    expect(warn).toHaveBeenCalled();
    await expect(keeper.store(() => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
  });

  it('knows a quota error however it is wrapped', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
