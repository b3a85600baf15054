// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, leapingPacing, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { POLL_INTERVAL_MINUTES } from '../../../core/topic-schedule';
import { createTopicService } from '../../../services/topics';

// GDELT's limit is kept by the pacing's own tests; here the queue leaps over its waits.
const test = useServices(3_000_000, { gdeltLimit: false });

const topics = (feeds: string[] = [], pauses: number[] = []) =>
  createTopicService({
    db: test.db,
    http: http(),
    pacing: leapingPacing(),
    gdelt: async () => ({ origin: test.server.origin }),
    feeds: async () => feeds.map((name) => `${test.server.origin}/feeds/${name}`),
    intervalMinutes: async () => POLL_INTERVAL_MINUTES,
    now: () => test.clock,
    pause: async (ms) => void pauses.push(ms),
  });

describe('following topics', () => {
  it('follows an entity and a keyword query, and unfollowing forgets the topic’s articles', async () => {
    const service = topics();
    await service.setSubscribed('en:ASEAN', 'ASEAN', true);
    const query = await service.subscribeQuery('  Aung San   Suu Kyi ');
    expect(query.ok && query.value).toMatchObject({
      key: 'query:aung san suu kyi',
      kind: 'query',
      title: 'Aung San Suu Kyi',
    });
    await service.poll();
    expect(await service.unreadCount()).toBeGreaterThan(0);
    await service.unsubscribe('en:ASEAN');
    expect(await test.db.topicArticles.where('topicKey').equals('en:ASEAN').count()).toBe(0);
    expect((await test.db.subscriptions.toArray()).map((topic) => topic.key)).toEqual([
      'query:aung san suu kyi',
    ]);
  });

  it('refuses keywords too short or too long to be a topic', async () => {
    expect(await topics().subscribeQuery(' a ')).toEqual({
      ok: false,
      error: 'Type at least two letters to follow.',
    });
    expect((await topics().subscribeQuery('x'.repeat(101))).ok).toBe(false);
  });
});

describe('poll', () => {
  it('stores new articles once, checks again only when due, and counts the unread stories', async () => {
    const service = topics(['asia-desk.rss']);
    await service.setSubscribed('en:ASEAN', 'ASEAN', true);
    const first = await service.poll();
    // GDELT's articles (the syndicated copy once) and the feed's one.
    expect(first.found[0]!.articles.map((article) => article.domain)).toEqual([
      'asia-desk.example',
      'wire-syndicate.example',
      'asia-desk.example',
      'mekong-post.example',
      'trade-ledger.example',
      'journal-asie.example',
    ]);
    // Four stories: two outlets told the envoy's trip, two the summit's agenda.
    expect(await service.unreadCount()).toBe(4);

    // Not due yet: nothing is asked.
    const before = test.server.apiRequests();
    test.clock += 10 * 60_000;
    expect((await service.poll()).checked).toBe(0);
    expect(test.server.apiRequests()).toBe(before);

    // Due: asked again; the same articles are not new.
    test.clock += POLL_INTERVAL_MINUTES * 60_000;
    const again = await service.poll();
    expect(again).toMatchObject({ checked: 1, found: [] });
    expect(await service.unreadCount()).toBe(4);
    expect((await test.db.subscriptions.get('en:ASEAN'))?.lastCheckedAt).toBe(test.clock);

    const rows = await test.db.topicArticles.toArray();
    await service.markRead(
      rows.filter((row) => !row.title.includes('five-point')).map((row) => row.id),
    );
    expect(await service.unreadCount()).toBe(1);
  });

  it('records a failing source in the reader’s words, and stops the round when told to slow down', async () => {
    const pauses: number[] = [];
    const service = topics([], pauses);
    await service.setSubscribed('en:ASEAN', 'ASEAN', true);
    test.clock += 1;
    await service.subscribeQuery('Myanmar');
    test.server.failNext(503);
    const round = await service.poll();
    expect(round.checked).toBe(2);
    expect(pauses).toEqual([2000]);
    expect((await test.db.subscriptions.get('en:ASEAN'))?.lastError).toBe(
      'The news source answered with an error (503). Try again later.',
    );

    // Refused twice: the queue asked again once, and the round stops there.
    test.server.failNext(429, 429);
    const busy = await service.poll(true);
    expect(busy).toMatchObject({ checked: 1, rateLimited: true });
    expect((await test.db.subscriptions.get('en:ASEAN'))?.lastError).toMatch(/busy/);
  });

  it('keeps nothing for a topic dropped while its sources were asked', async () => {
    const service = createTopicService({
      db: test.db,
      http: http(),
      pacing: leapingPacing(),
      // The reader unfollows just as the round asks the news source.
      gdelt: async () => {
        await service.unsubscribe('en:ASEAN');
        return { origin: test.server.origin };
      },
      feeds: async () => [],
      intervalMinutes: async () => POLL_INTERVAL_MINUTES,
      now: () => test.clock,
    });
    await service.setSubscribed('en:ASEAN', 'ASEAN', true);
    expect((await service.poll()).checked).toBe(1);
    expect(await test.db.topicArticles.count()).toBe(0);
    expect(await test.db.subscriptions.count()).toBe(0);
  });

  it('tells of each topic as soon as its articles are stored, before the round ends', async () => {
    const service = topics();
    await service.setSubscribed('en:ASEAN', 'ASEAN', true);
    await service.subscribeQuery('Aung San Suu Kyi');
    const told: Array<{ topic: string; stored: number }> = [];
    const report = await service.poll(true, async ({ topic }) => {
      // Already in the database when told: a round stopped after this loses nothing.
      told.push({
        topic: topic.key,
        stored: await test.db.topicArticles.where('topicKey').equals(topic.key).count(),
      });
    });
    expect(told.map((entry) => entry.topic)).toEqual(report.found.map((entry) => entry.topic.key));
    expect(told.length).toBeGreaterThan(0);
    for (const entry of told) expect(entry.stored).toBeGreaterThan(0);
  });
});
