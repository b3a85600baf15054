// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { CARD_LIFETIME_MS } from '../../../core/cache-policy';
import { createFactsService } from '../../../services/facts';

const test = useServices(5_000_000);

const service = () =>
  createFactsService({
    db: test.db,
    cache: test.cache,
    http: http(),
    site: async () => ({ origin: test.server.origin, lang: 'en' }),
    now: () => test.clock,
  });

describe('getFacts', () => {
  it('fetches an item’s facts and their labels once, then serves them from the database', async () => {
    const before = test.server.apiRequests();
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
    expect(test.server.apiRequests() - before).toBe(2);
    await service().getFacts('Q36740');
    expect(test.server.apiRequests() - before).toBe(2);
  });

  it('refreshes stale facts, and keeps the old ones when Wikidata fails', async () => {
    await service().getFacts('Q7768');
    test.clock += CARD_LIFETIME_MS + 1;
    test.server.failNext(503);
    const { getFacts } = service();
    const stale = await getFacts('Q7768');
    expect(stale.ok && stale.value.facts[0]).toEqual({ label: 'Founded', value: '8 August 1967' });
    await getFacts.settled();
    expect((await test.db.facts.get('Q7768'))?.fetchedAt).toBe(5_000_000);
    const before = test.server.apiRequests();
    await getFacts('Q7768');
    await getFacts.settled();
    expect(test.server.apiRequests() - before).toBe(2);
    expect((await test.db.facts.get('Q7768'))?.fetchedAt).toBe(test.clock);
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
    expect(await test.db.facts.count()).toBe(0);
  });
});
