// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, leapingPacing, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { createCoverageService } from '../../../services/coverage';

const test = useServices(Date.UTC(2026, 10, 29), { gdeltLimit: false });

const coverage = (gdeltOn = true) =>
  createCoverageService({
    db: test.db,
    cache: test.cache,
    http: http(),
    pacing: leapingPacing(),
    site: async () => (gdeltOn ? { origin: test.server.origin } : undefined),
    now: () => test.clock,
  });

describe('coverage over the last month', () => {
  it('draws the line, marks the spike, and tells its story once per story; then from the cache', async () => {
    const service = coverage();
    const before = test.server.gdeltLog.length;
    const answer = await service.getCoverage('en:ASEAN', 'ASEAN');
    if (!answer.ok || answer.value.status !== 'done') throw new Error('expected coverage');
    const line = answer.value.value;
    expect(line.points).toHaveLength(30);
    expect(line.spikes[0]).toBe('2026-11-26');
    expect(line.peak?.headlines.map((article) => article.title)).toEqual([
      "ASEAN ministers weigh next steps on Myanmar's peace plan",
    ]);
    expect(line.peak?.withNames).toEqual(['Myanmar']);
    // The line and its peak's headlines in one request.
    expect(test.server.gdeltLog.slice(before).map((entry) => entry.mode)).toEqual([
      'timelinevolinfo',
    ]);
    const asked = test.server.apiRequests();
    await service.getCoverage('en:ASEAN', 'ASEAN');
    expect(test.server.apiRequests()).toBe(asked);
  });

  it('is off, asking nothing, when GDELT is off; and an error, stored nowhere, when it fails', async () => {
    const asked = test.server.apiRequests();
    expect(await coverage(false).getCoverage('en:ASEAN', 'ASEAN')).toEqual({
      ok: true,
      value: { status: 'off' },
    });
    expect(test.server.apiRequests()).toBe(asked);
    test.server.failNext(500);
    expect((await coverage().getCoverage('en:ASEAN', 'ASEAN')).ok).toBe(false);
    expect(await test.db.coverage.count()).toBe(0);
  });
});
