// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, resolveAll, standInResolver, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { createSearchService } from '../../../services/search';

const test = useServices(6_000_000);
const site = async () => ({ origin: test.server.origin, lang: 'en' });
const search = (timeoutMs = 2000) =>
  createSearchService({ db: test.db, http: http(timeoutMs), site, now: () => test.clock });

describe('search', () => {
  it('finds names Gloss already knows by their start, each article once, shortest first', async () => {
    await resolveAll(standInResolver(test), [
      'Aung San Suu Kyi',
      'ASEAN',
      'Association of Southeast Asian Nations',
    ]);
    expect(await search().searchLocal('as')).toEqual([
      expect.objectContaining({ key: 'en:ASEAN', title: 'ASEAN' }),
    ]);
    expect((await search().searchLocal('aung')).map((hit) => hit.title)).toEqual([
      'Aung San Suu Kyi',
    ]);
    expect(await search().searchLocal('a')).toEqual([]);
  });

  it('asks Wikipedia by prefix, best first, leaving out disambiguation pages', async () => {
    const found = await search().searchWikipedia('Karen');
    expect(found.ok && found.value.map((hit) => hit.key)).toEqual([
      'en:Karen_people',
      'en:Karen_State',
      'en:Karen_National_Union',
      'en:Karen_(name)',
    ]);
    expect(found.ok && found.value[0]!.description).toBe('Ethnic group of Myanmar and Thailand');
  });

  it('cancels a search still under way when the reader types on', async () => {
    const service = search();
    test.server.failNext('hang');
    const first = service.searchWikipedia('Kar');
    // Let the first request reach the stand-in, which holds it unanswered.
    const asked = test.server.apiRequests();
    while (test.server.apiRequests() === asked)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await service.searchWikipedia('Karen S');
    expect(await first).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(second.ok && second.value.map((hit) => hit.title)).toEqual(['Karen State']);
  });

  it('keeps the last eight look-ups, newest first', async () => {
    const service = search();
    for (let n = 0; n < 10; n += 1) {
      test.clock += 1;
      await service.recordLookup({ key: `en:T${n}`, title: `T${n}` });
    }
    const recent = await test.db.lookups.orderBy('lookedUpAt').reverse().toArray();
    expect(recent.map((entry) => entry.title)).toEqual([
      'T9',
      'T8',
      'T7',
      'T6',
      'T5',
      'T4',
      'T3',
      'T2',
    ]);
  });
});
