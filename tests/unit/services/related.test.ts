// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { RELATED_LIFETIME_MS } from '../../../core/cache-policy';
import { createRelatedService } from '../../../services/related';

const test = useServices(9_000_000);

const service = (feeds: string[] = []) =>
  createRelatedService({
    db: test.db,
    cache: test.cache,
    http: http(),
    site: async () => ({ origin: test.server.origin }),
    feeds: async () => feeds.map((name) => `${test.server.origin}/feeds/${name}`),
    now: () => test.clock,
  });

describe('getRelated', () => {
  it('lists the newest stories once each, without hostile entries, and caches them for an hour', async () => {
    const before = test.server.apiRequests();
    const related = await service().getRelated('en:ASEAN', 'ASEAN');
    if (!related.ok) throw new Error(related.error.kind);
    expect(related.value.map((story) => story.outlets)).toEqual([
      ['asia-desk.example', 'mekong-post.example'],
      ['wire-syndicate.example', 'regional-herald.example'],
      ['trade-ledger.example', 'journal-asie.example'],
    ]);
    expect(related.value[1]!.lead.title).toBe(
      "ASEAN ministers weigh next steps on Myanmar's peace plan",
    );
    expect(related.value[1]!.countries).toEqual(['Thailand', 'Malaysia']);
    expect(related.value[2]!.languages).toEqual(['English', 'French']);
    await service().getRelated('en:ASEAN', 'ASEAN');
    expect(test.server.apiRequests() - before).toBe(1);
  });

  it('serves the stored list past its hour at once, and refreshes it in the background', async () => {
    const { getRelated } = service();
    await getRelated('en:ASEAN', 'ASEAN');
    await test.db.related.update('en:ASEAN', { articles: [] });
    test.clock += RELATED_LIFETIME_MS + 1;
    const before = test.server.apiRequests();
    const stale = await getRelated('en:ASEAN', 'ASEAN');
    expect(stale.ok && stale.value).toEqual([]);
    await getRelated.settled();
    expect(test.server.apiRequests() - before).toBe(1);
    const refreshed = await getRelated('en:ASEAN', 'ASEAN');
    expect(refreshed.ok && refreshed.value).toHaveLength(3);
  });

  it('keeps the last list when the source is busy, and says so when there is none', async () => {
    await service().getRelated('en:ASEAN', 'ASEAN');
    test.clock += RELATED_LIFETIME_MS + 1;
    test.server.failNext(429);
    const stale = await service().getRelated('en:ASEAN', 'ASEAN');
    expect(stale.ok && stale.value).toHaveLength(3);
    test.server.failNext(429);
    expect(await service().getRelated('en:Nobody', 'Nobody')).toEqual({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 1 },
    });
    expect(await test.db.related.get('en:Nobody')).toBeUndefined();
  });
});

describe('getRelated with the reader’s feeds', () => {
  it('adds feed items whose titles name the entity, newest first among GDELT’s', async () => {
    const related = await service(['asia-desk.rss', 'region-watch.atom']).getRelated(
      'en:ASEAN',
      'ASEAN',
    );
    if (!related.ok) throw new Error(related.error.kind);
    expect(related.value.map(({ lead }) => [lead.domain, lead.date.slice(0, 10)])).toEqual([
      ['asia-desk.example', '2026-11-27'],
      ['wire-syndicate.example', '2026-11-26'],
      ['asia-desk.example', '2026-11-26'],
      ['trade-ledger.example', '2026-11-24'],
    ]);
    // From the RSS feed; the Atom feed has nothing on ASEAN.
    expect(related.value[2]!.lead.title).toBe(
      'ASEAN envoys press Myanmar junta on five-point consensus',
    );
  });

  it('still lists feed items when GDELT is busy, and GDELT’s when a feed is broken', async () => {
    test.server.failNext(429);
    const feedsOnly = await service(['region-watch.atom']).getRelated(
      'en:National_League_for_Democracy',
      'National League for Democracy',
    );
    expect(feedsOnly.ok && feedsOnly.value.map((story) => story.lead.title)).toEqual([
      'National League for Democracy marks anniversary',
    ]);
    const withBroken = await service(['no-such-feed.rss']).getRelated('en:ASEAN', 'ASEAN');
    expect(withBroken.ok && withBroken.value).toHaveLength(3);
  });
});
