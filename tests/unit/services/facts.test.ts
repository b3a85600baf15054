import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CARD_LIFETIME_MS } from '../../../core/cache-policy';
import { GlossDb } from '../../../data/db';
import { createFactsService } from '../../../services/facts';
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
  db = new GlossDb(`facts-${Math.random()}`);
  clock = 5_000_000;
});
afterEach(() => db.delete());

const service = () =>
  createFactsService({
    db,
    http: { fetch: (input, init) => fetch(input, init), userAgent: 'Gloss/test', timeoutMs: 2000 },
    site: async () => ({ origin: server.origin, lang: 'en' }),
    now: () => clock,
  });

describe('getFacts', () => {
  it('fetches an item’s facts and their labels once, then serves them from the database', async () => {
    const before = server.apiRequests();
    const facts = await service().getFacts('Q36740');
    expect(facts).toEqual({
      ok: true,
      value: {
        wikidataId: 'Q36740',
        kind: 'person',
        facts: [
          { label: 'Born', value: '19 June 1945' },
          { label: 'Citizenship', value: 'Myanmar' },
          { label: 'Last position', value: 'State Counsellor of Myanmar', date: '2016–2021' },
        ],
      },
    });
    expect(server.apiRequests() - before).toBe(2);
    await service().getFacts('Q36740');
    expect(server.apiRequests() - before).toBe(2);
  });

  it('refreshes stale facts, and keeps the old ones when Wikidata fails', async () => {
    await service().getFacts('Q7768');
    clock += CARD_LIFETIME_MS + 1;
    server.failNext(503);
    const stale = await service().getFacts('Q7768');
    expect(stale.ok && stale.value.facts[0]).toEqual({ label: 'Founded', value: '8 August 1967' });
  });

  it('says so when an item is unknown, and stores nothing', async () => {
    expect(await service().getFacts('Q424242424')).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(await service().getFacts('not an id')).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(await db.facts.count()).toBe(0);
  });
});
