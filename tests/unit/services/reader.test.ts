// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, resolveAll, standInResolver, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import {
  createReaderService,
  MAX_READINGS_PER_PAGE,
  MAX_READINGS_PER_SITE,
} from '../../../services/reader';

const test = useServices(2_000_000);

const reader = (remembers = true) =>
  createReaderService({
    db: test.db,
    cache: test.cache,
    http: http(),
    site: async () => ({ origin: test.server.origin, lang: 'en' }),
    remembersReading: async () => remembers,
    now: () => test.clock,
  });

describe('choices for an ambiguous name', () => {
  it('lists the articles its disambiguation page links to, described first, and keeps them', async () => {
    await resolveAll(standInResolver(test), ['Karen'], 'news.example');
    const choices = await reader().getChoices('Karen', 'Karen');
    expect(choices).toEqual({
      ok: true,
      value: {
        pageUrl: `${test.server.origin}/wiki/Karen`,
        choices: [
          { title: 'Karen people', description: 'Ethnic group of Myanmar and Thailand' },
          { title: 'Karen State', description: 'State of Myanmar' },
          {
            title: 'Karen National Union',
            description: 'Political organisation of the Karen people in Myanmar',
          },
          { title: 'Karen (name)' },
        ],
      },
    });
    const before = test.server.apiRequests();
    expect(await reader().getChoices('Karen', 'Karen')).toEqual(choices);
    expect(test.server.apiRequests()).toBe(before);
  });

  it('remembers a choice for the site, which then resolves the name there', async () => {
    await resolveAll(standInResolver(test), ['Karen'], 'news.example');
    expect(await reader().choose('news.example', 'Karen', 'Karen State')).toEqual({
      key: 'en:Karen_State',
      title: 'Karen State',
    });
    expect(await resolveAll(standInResolver(test), ['Karen'], 'news.example')).toEqual({
      Karen: { key: 'en:Karen_State', title: 'Karen State' },
    });
  });

  it('says why when the choices cannot be had', async () => {
    test.server.failNext(503);
    expect(await reader().getChoices('Karen', 'Karen')).toEqual({
      ok: false,
      error: { kind: 'http', status: 503 },
    });
  });
});

describe('subscriptions and reading', () => {
  it('tells the card whether the reader follows the entity', async () => {
    expect((await reader().getReaderData('en:ASEAN', 'https://a.example/')).subscribed).toBe(false);
    await test.db.subscriptions.put({
      key: 'en:ASEAN',
      kind: 'entity',
      title: 'ASEAN',
      query: 'ASEAN',
      notify: false,
      subscribedAt: 1,
    });
    expect((await reader().getReaderData('en:ASEAN', 'https://a.example/')).subscribed).toBe(true);
  });

  it('lists earlier pages with the entity, newest first, not the page being read', async () => {
    const { noteReading, getReaderData } = reader();
    for (const [n, url] of ['https://a.example/1', 'https://b.example/2?utm=x#top'].entries()) {
      test.clock += 1000;
      await noteReading({ url, title: `Story ${n}` }, ['en:ASEAN', 'en:Myanmar', 'en:ASEAN']);
    }
    test.clock += 1000;
    await noteReading({ url: 'https://c.example/3', title: '  ' }, ['en:ASEAN']);
    expect((await getReaderData('en:ASEAN', 'https://c.example/3')).reading).toEqual([
      { url: 'https://b.example/2', title: 'Story 1', seenAt: 2_002_000 },
      { url: 'https://a.example/1', title: 'Story 0', seenAt: 2_001_000 },
    ]);
    // The page being read is left out however its address ends.
    expect(
      (await getReaderData('en:ASEAN', 'https://c.example/3?session=1#top')).reading!.map(
        (entry) => entry.url,
      ),
    ).not.toContain('https://c.example/3');
    expect((await getReaderData('en:ASEAN', 'https://z.example/')).reading![0]).toEqual({
      url: 'https://c.example/3',
      title: 'c.example',
      seenAt: 2_003_000,
    });
  });

  it("lets a site flooding its notes push out only its own oldest, never the reader's other reading", async () => {
    const { noteReading } = reader();
    await noteReading({ url: 'https://news.example/story', title: 'Story' }, ['en:Russia']);
    const keys = Array.from({ length: 300 }, (_, n) => `en:Name_${n}`);
    for (let load = 0; load < 12; load += 1) {
      test.clock += 1000;
      await noteReading({ url: `https://flood.example/${load}`, title: 'Flood' }, keys);
    }
    expect(await test.db.readings.where('site').equals('flood.example').count()).toBe(
      MAX_READINGS_PER_SITE,
    );
    // The flood's newest notes are the ones kept; one page adds only its share.
    const kept = await test.db.readings.where('site').equals('flood.example').toArray();
    expect(Math.min(...kept.map((note) => note.seenAt))).toBe(test.clock - 3000);
    expect(kept.filter((note) => note.url.endsWith('/11'))).toHaveLength(MAX_READINGS_PER_PAGE);
    expect(await test.db.readings.get(['en:Russia', 'https://news.example/story'])).toBeDefined();
  });

  it('remembers nothing, and shows nothing, when the reader turned it off', async () => {
    await reader(false).noteReading({ url: 'https://a.example/1', title: 'Story' }, ['en:ASEAN']);
    expect(await test.db.readings.count()).toBe(0);
    expect(
      (await reader(false).getReaderData('en:ASEAN', 'https://b.example/')).reading,
    ).toBeNull();
  });

  it('ignores pages that are not http(s), and clears the history on request', async () => {
    await reader().noteReading({ url: 'file:///home/me/notes.html', title: 'Notes' }, ['en:ASEAN']);
    expect(await test.db.readings.count()).toBe(0);
    await reader().noteReading({ url: 'https://a.example/1', title: 'Story' }, ['en:ASEAN']);
    await reader().clearReading();
    expect(await test.db.readings.count()).toBe(0);
  });
});
