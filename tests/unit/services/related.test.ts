import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RELATED_LIFETIME_MS } from '../../../core/cache-policy';
import { GlossDb } from '../../../data/db';
import { createRelatedService } from '../../../services/related';
// @ts-expect-error: plain JavaScript, shared with the end-to-end tests and the demo.
import { startFixtureServer } from '../../fixtures/server.mjs';

interface FixtureServer {
  origin: string;
  apiRequests(): number;
  failNext(...failures: Array<number | 'hang'>): void;
  close(): Promise<void>;
}

let server: FixtureServer;
let db: GlossDb;
let clock: number;
beforeAll(async () => {
  server = (await startFixtureServer()) as FixtureServer;
});
afterAll(() => server.close());
beforeEach(() => {
  db = new GlossDb(`related-${Math.random()}`);
  clock = 9_000_000;
});
afterEach(() => db.delete());

const service = () =>
  createRelatedService({
    db,
    http: { fetch: (input, init) => fetch(input, init), userAgent: 'Gloss/test', timeoutMs: 2000 },
    site: async () => ({ origin: server.origin }),
    now: () => clock,
  });

describe('getRelated', () => {
  it('lists the newest articles once each, without hostile entries, and caches them for an hour', async () => {
    const before = server.apiRequests();
    const related = await service().getRelated('en:ASEAN', 'ASEAN');
    if (!related.ok) throw new Error(related.error.kind);
    expect(related.value.map((article) => article.domain)).toEqual([
      'asia-desk.example',
      'wire-syndicate.example',
      'trade-ledger.example',
    ]);
    expect(related.value[1]!.title).toBe(
      "ASEAN ministers weigh next steps on Myanmar's peace plan",
    );
    await service().getRelated('en:ASEAN', 'ASEAN');
    expect(server.apiRequests() - before).toBe(1);
    clock += RELATED_LIFETIME_MS + 1;
    await service().getRelated('en:ASEAN', 'ASEAN');
    expect(server.apiRequests() - before).toBe(2);
  });

  it('keeps the last list when the source is busy, and says so when there is none', async () => {
    await service().getRelated('en:ASEAN', 'ASEAN');
    clock += RELATED_LIFETIME_MS + 1;
    server.failNext(429);
    const stale = await service().getRelated('en:ASEAN', 'ASEAN');
    expect(stale.ok && stale.value).toHaveLength(3);
    server.failNext(429);
    expect(await service().getRelated('en:Nobody', 'Nobody')).toEqual({
      ok: false,
      error: { kind: 'rate-limited' },
    });
    expect(await db.related.get('en:Nobody')).toBeUndefined();
  });
});
