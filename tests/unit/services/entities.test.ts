import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MISS_LIFETIME_MS } from '../../../core/cache-policy';
import { GlossDb } from '../../../data/db';
import { createEntityService } from '../../../services/entities';
import standard from '../../fixtures/summaries/standard.json';
import disambiguation from '../../fixtures/summaries/disambiguation.json';

/** A stand-in Wikipedia: answers from a table of titles, counts requests, can be made to fail. */
function fakeWikipedia() {
  const pages = new Map<string, unknown>([
    ['Aung_San_Suu_Kyi', standard],
    ['NLD', disambiguation],
  ]);
  const asked: string[] = [];
  let failWith: number | 'offline' | undefined;
  const fetch = (async (url: string) => {
    const title = decodeURIComponent(url.split('/page/summary/')[1]!);
    asked.push(title);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (failWith === 'offline') throw new TypeError('Failed to fetch');
    if (failWith) return new Response('', { status: failWith });
    const page = pages.get(title);
    return page
      ? new Response(JSON.stringify(page), { status: 200 })
      : new Response('{"type":"https://mediawiki.org/wiki/HyperSwitch/errors/not_found"}', {
          status: 404,
        });
  }) as typeof globalThis.fetch;
  return { fetch, asked, fail: (how: typeof failWith) => (failWith = how) };
}

let db: GlossDb;
let clock: number;
let wikipedia: ReturnType<typeof fakeWikipedia>;
const service = () =>
  createEntityService({
    db,
    http: { fetch: wikipedia.fetch, userAgent: 'Gloss/test', timeoutMs: 1000 },
    site: async () => ({ origin: 'https://en.wikipedia.org', lang: 'en' }),
    now: () => clock,
  });

beforeEach(() => {
  db = new GlossDb(`test-${Math.random()}`);
  clock = 1_000_000;
  wikipedia = fakeWikipedia();
});
afterEach(async () => {
  await db.delete();
});

describe('resolveNames', () => {
  it('resolves an article once, then answers from the database', async () => {
    const first = await service().resolveNames(['Aung San Suu Kyi', 'Nobody Here']);
    expect(first).toEqual({
      'Aung San Suu Kyi': { key: 'en:Aung_San_Suu_Kyi', title: 'Aung San Suu Kyi' },
    });
    expect(wikipedia.asked).toEqual(['Aung_San_Suu_Kyi', 'Nobody_Here']);

    // A fresh service on the same database: as after the browser restarts.
    const again = await service().resolveNames([
      'Aung San Suu Kyi',
      'aung san suu kyi',
      'Nobody Here',
    ]);
    expect(again).toEqual({
      'Aung San Suu Kyi': { key: 'en:Aung_San_Suu_Kyi', title: 'Aung San Suu Kyi' },
    });
    expect(wikipedia.asked).toHaveLength(2);
  });

  it('asks again about a miss once its lifetime has passed', async () => {
    await service().resolveNames(['Nobody Here']);
    clock += MISS_LIFETIME_MS - 1;
    await service().resolveNames(['Nobody Here']);
    expect(wikipedia.asked).toHaveLength(1);
    clock += 2;
    await service().resolveNames(['Nobody Here']);
    expect(wikipedia.asked).toHaveLength(2);
  });

  it('does not mark an ambiguous name, and remembers it is one', async () => {
    expect(await service().resolveNames(['NLD'])).toEqual({});
    expect(await db.aliases.get('nld')).toMatchObject({ key: null, outcome: 'ambiguous' });
  });

  it('stores no failure as data, so the next page asks again', async () => {
    wikipedia.fail(503);
    expect(await service().resolveNames(['Aung San Suu Kyi'])).toEqual({});
    wikipedia.fail('offline');
    expect(await service().resolveNames(['Aung San Suu Kyi'])).toEqual({});
    expect(await db.aliases.count()).toBe(0);
    wikipedia.fail(undefined);
    expect(await service().resolveNames(['Aung San Suu Kyi'])).toHaveProperty(['Aung San Suu Kyi']);
  });

  it('stops asking when Wikipedia says it is busy', async () => {
    wikipedia.fail(429);
    await service().resolveNames(Array.from({ length: 20 }, (_, i) => `Name ${i}`));
    // Each of the parallel lookups stops after the first 429 it sees.
    expect(wikipedia.asked.length).toBeLessThanOrEqual(4);
  });

  it('fetches a name asked by several tabs at once only once', async () => {
    const entities = service();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => entities.resolveNames(['Aung San Suu Kyi'])),
    );
    expect(
      answers.every((answer) => answer['Aung San Suu Kyi']?.key === 'en:Aung_San_Suu_Kyi'),
    ).toBe(true);
    expect(wikipedia.asked).toEqual(['Aung_San_Suu_Kyi']);
  });
});

describe('getCard', () => {
  it('serves a resolved article from the database with no request', async () => {
    await service().resolveNames(['Aung San Suu Kyi']);
    const before = wikipedia.asked.length;
    const card = await service().getCard('en:Aung_San_Suu_Kyi');
    expect(card.ok && card.value.description).toBe(
      'Burmese politician and Nobel Peace Prize laureate',
    );
    expect(wikipedia.asked.length).toBe(before);
  });

  it('survives the database being closed and opened again', async () => {
    await service().resolveNames(['Aung San Suu Kyi']);
    const name = db.name;
    db.close();
    db = new GlossDb(name);
    const card = await service().getCard('en:Aung_San_Suu_Kyi');
    expect(card.ok && card.value.title).toBe('Aung San Suu Kyi');
    expect(wikipedia.asked).toHaveLength(1);
  });

  it('fetches and stores an article it does not have', async () => {
    const card = await service().getCard('en:Aung_San_Suu_Kyi');
    expect(card.ok).toBe(true);
    expect(await db.entities.get('en:Aung_San_Suu_Kyi')).toBeDefined();
  });

  it('says why when the article cannot be had', async () => {
    wikipedia.fail('offline');
    expect(await service().getCard('en:Aung_San_Suu_Kyi')).toEqual({
      ok: false,
      error: { kind: 'offline' },
    });
    expect(await db.entities.count()).toBe(0);
  });
});
