import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../core/result';
import {
  fetchDailyViews,
  PAGEVIEWS_DAYS,
  pageviewsRange,
  parsePageviews,
} from '../../../gateways/pageviews';

/** 1 December 2026, 09:30 UTC: yesterday is 30 November. */
const NOW = Date.UTC(2026, 11, 1, 9, 30);
const site = { origin: 'https://wikimedia.org' };
const deps = (fetch: typeof globalThis.fetch, timeoutMs = 1000) => ({
  fetch,
  userAgent: 'Gloss/test',
  timeoutMs,
});

/** An item as Wikimedia sends it. */
const item = (timestamp: string, views: unknown, article = 'Myanmar') => ({
  project: 'en.wikipedia',
  article,
  granularity: 'daily',
  timestamp,
  access: 'all-access',
  agent: 'user',
  views,
});

/** A fetch that records what it was asked and answers `body` with `status`. */
function recording(status = 200, body = '{"items":[]}', headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('the pageviews request', () => {
  it('asks for readers’ daily views of the month ending yesterday, naming itself', async () => {
    const { calls, fetch } = recording();
    await fetchDailyViews('en', 'Min Aung Hlaing', site, deps(fetch), NOW);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(
      'https://wikimedia.org/api/rest_v1/metrics/pageviews/per-article/en.wikipedia/all-access/user/Min_Aung_Hlaing/daily/20261101/20261130',
    );
    expect(calls[0]!.init?.headers).toMatchObject({
      'Api-User-Agent': 'Gloss/test',
      Accept: 'application/json',
    });
  });

  it('covers 30 days, ending yesterday in UTC whatever the hour', () => {
    expect(PAGEVIEWS_DAYS).toBe(30);
    expect(pageviewsRange(Date.UTC(2026, 11, 1, 0, 0, 1))).toEqual({
      start: '20261101',
      end: '20261130',
    });
    expect(pageviewsRange(Date.UTC(2026, 10, 30, 23, 59))).toEqual({
      start: '20261031',
      end: '20261129',
    });
    expect(pageviewsRange(Date.UTC(2027, 0, 15))).toEqual({ start: '20261216', end: '20270114' });
  });

  it.each([
    ['AC/DC', 'AC%2FDC'],
    ['What? #1', 'What%3F_%231'],
    ['Union européenne', 'Union_europ%C3%A9enne'],
    ['東京', '%E6%9D%B1%E4%BA%AC'],
    ['  Padded title ', 'Padded_title'],
  ])('writes the title %j as one path segment', async (title, segment) => {
    const { calls, fetch } = recording();
    await fetchDailyViews('fr', title, site, deps(fetch), NOW);
    expect(calls[0]!.url).toBe(
      `https://wikimedia.org/api/rest_v1/metrics/pageviews/per-article/fr.wikipedia/all-access/user/${segment}/daily/20261101/20261130`,
    );
  });

  it('asks a local stand-in at its own origin', async () => {
    const { calls, fetch } = recording();
    await fetchDailyViews('en', 'Myanmar', { origin: 'http://127.0.0.1:4173' }, deps(fetch), NOW);
    expect(calls[0]!.url.startsWith('http://127.0.0.1:4173/api/rest_v1/metrics/pageviews/')).toBe(
      true,
    );
  });

  it('refuses a title with half a character in it, without asking', async () => {
    const { calls, fetch } = recording();
    expect(await fetchDailyViews('en', 'Bad \ud800', site, deps(fetch), NOW)).toEqual(
      err({ kind: 'malformed', detail: 'the title is not text' }),
    );
    expect(calls).toHaveLength(0);
  });
});

describe('fetchDailyViews', () => {
  it('answers the views, oldest first', async () => {
    const body = JSON.stringify({
      items: [item('2026112900', 1500), item('2026113000', 4200), item('2026112800', 1234)],
    });
    const { fetch } = recording(200, body);
    expect(await fetchDailyViews('en', 'Myanmar', site, deps(fetch), NOW)).toEqual(
      ok([
        { day: '2026-11-28', views: 1234 },
        { day: '2026-11-29', views: 1500 },
        { day: '2026-11-30', views: 4200 },
      ]),
    );
  });

  it('answers an unknown title’s 404 problem document as not-found', async () => {
    const problem = JSON.stringify({
      type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found',
      title: 'Not found.',
      method: 'get',
      detail: 'The date(s) you used are valid, but we either do not have data for those date(s).',
      uri: '/analytics.wikimedia.org/v1/pageviews/per-article/en.wikipedia/all-access/user/Nobody/daily/20261101/20261130',
    });
    const { fetch } = recording(404, problem, { 'Content-Type': 'application/problem+json' });
    expect(await fetchDailyViews('en', 'Nobody', site, deps(fetch), NOW)).toEqual(
      err({ kind: 'not-found' }),
    );
  });

  it.each([
    [429, { 'Retry-After': '30' }, { kind: 'rate-limited', retryAfterSeconds: 30 }],
    [429, {}, { kind: 'rate-limited' }],
    [500, {}, { kind: 'http', status: 500 }],
    [503, {}, { kind: 'http', status: 503 }],
  ])('answers HTTP %i with a clear error', async (status, headers, error) => {
    const { fetch } = recording(status, 'busy', headers);
    expect(await fetchDailyViews('en', 'Myanmar', site, deps(fetch), NOW)).toEqual(err(error));
  });

  it('answers a body that is not JSON as malformed', async () => {
    const { fetch } = recording(200, '{"items":[{"timest');
    expect(await fetchDailyViews('en', 'Myanmar', site, deps(fetch), NOW)).toEqual(
      err({ kind: 'malformed', detail: 'the body is not JSON' }),
    );
  });

  it('reports being offline when the request cannot be made', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    expect(await fetchDailyViews('en', 'Myanmar', site, deps(fetch), NOW)).toEqual(
      err({ kind: 'offline' }),
    );
  });
});

describe('parsePageviews', () => {
  it('reads a realistic month', () => {
    const items = Array.from({ length: 30 }, (_, index) =>
      item(`202611${String(index + 1).padStart(2, '0')}00`, 1000 + index, 'Min_Aung_Hlaing'),
    );
    const parsed = parsePageviews({ items });
    expect(parsed.ok && parsed.value).toHaveLength(30);
    expect(parsed.ok && parsed.value[0]).toEqual({ day: '2026-11-01', views: 1000 });
    expect(parsed.ok && parsed.value[29]).toEqual({ day: '2026-11-30', views: 1029 });
  });

  it('skips junk items and keeps the first count of a day given twice', () => {
    const body = {
      items: [
        item('2026110100', 10),
        item('2026110100', 99),
        item('2026110200', '12'),
        item('2026110300', -1),
        item('2026110400', 1.5),
        item('2026110500', Number.NaN),
        item('2026-11-06', 14),
        item('20261107', 15),
        { views: 16 },
        null,
        'an item',
        [item('2026110800', 17)],
        item('2026110900', 0),
      ],
    };
    expect(parsePageviews(body)).toEqual(
      ok([
        { day: '2026-11-01', views: 10 },
        { day: '2026-11-09', views: 0 },
      ]),
    );
  });

  it('reads an empty list as no views', () => {
    expect(parsePageviews({ items: [] })).toEqual(ok([]));
  });

  it('reads no more than a few hundred items of a hostile answer', () => {
    const items = Array.from({ length: 10_000 }, (_, index) =>
      item(
        new Date(Date.UTC(2000, 0, 1) + index * 86_400_000)
          .toISOString()
          .slice(0, 10)
          .replace(/-/g, '') + '00',
        1,
      ),
    );
    const parsed = parsePageviews({ items });
    expect(parsed.ok && parsed.value.length).toBe(400);
  });

  it.each([
    null,
    undefined,
    'text',
    42,
    [],
    {},
    { items: 'many' },
    { items: { 0: item('2026110100', 1) } },
  ])('refuses %j as malformed', (body) => {
    expect(parsePageviews(body)).toEqual(
      err({ kind: 'malformed', detail: 'the answer has no items' }),
    );
  });
});
