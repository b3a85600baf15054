// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { createCoverageService } from '../../../services/coverage';

const test = useServices(Date.UTC(2026, 10, 29));

const coverage = (gdeltOn = true) =>
  createCoverageService({
    db: test.db,
    cache: test.cache,
    http: http(),
    site: async () => (gdeltOn ? { origin: test.server.origin } : undefined),
    now: () => test.clock,
  });

describe('coverage over the last month', () => {
  it('draws the line, marks the spike, and tells its story once per story; then from the cache', async () => {
    const service = coverage();
    const answer = await service.getCoverage('en:ASEAN', 'ASEAN');
    if (!answer.ok) throw new Error('expected coverage');
    expect(answer.value.points).toHaveLength(30);
    expect(answer.value.spikes[0]).toBe('2026-11-26');
    expect(answer.value.peak?.headlines.map((article) => article.title)).toEqual([
      "ASEAN ministers weigh next steps on Myanmar's peace plan",
    ]);
    expect(answer.value.peak?.withNames).toEqual(['Myanmar']);
    const asked = test.server.apiRequests();
    await service.getCoverage('en:ASEAN', 'ASEAN');
    expect(test.server.apiRequests()).toBe(asked);
  });

  it('is an empty line, asking nothing, when GDELT is off; and an error, stored nowhere, when it fails', async () => {
    const asked = test.server.apiRequests();
    expect(await coverage(false).getCoverage('en:ASEAN', 'ASEAN')).toEqual({
      ok: true,
      value: { points: [], spikes: [] },
    });
    expect(test.server.apiRequests()).toBe(asked);
    test.server.failNext(500);
    expect((await coverage().getCoverage('en:ASEAN', 'ASEAN')).ok).toBe(false);
    expect(await test.db.coverage.count()).toBe(0);
  });
});
