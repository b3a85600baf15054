import { describe, expect, it } from 'vitest';
import { attentionOf } from '../../core/attention';
import { fetchDailyViews, parsePageviews } from '../../gateways/pageviews';
import { answerPageviews } from '../fixtures/pageviews';

const PATH =
  '/api/rest_v1/metrics/pageviews/per-article/en.wikipedia/all-access/user/Min_Aung_Hlaing/daily/20261101/20261130';
const knownTitles = new Set(['en:Min Aung Hlaing', 'en:AC/DC']);
const known = (lang: string, title: string) => knownTitles.has(`${lang}:${title}`);

/** The answer's body as JSON, for a path the stand-in answers. */
function bodyOf(path: string): { items: Array<Record<string, unknown>> } {
  const answer = answerPageviews(path, known);
  expect(answer?.status).toBe(200);
  return JSON.parse(answer!.body) as { items: Array<Record<string, unknown>> };
}

describe('the stand-in pageviews API', () => {
  it('answers one item per day asked, shaped like Wikimedia’s', () => {
    const { items } = bodyOf(PATH);
    expect(items).toHaveLength(30);
    expect(items[0]).toMatchObject({
      project: 'en.wikipedia',
      article: 'Min_Aung_Hlaing',
      granularity: 'daily',
      timestamp: '2026110100',
      access: 'all-access',
      agent: 'user',
    });
    expect(items[29]!.timestamp).toBe('2026113000');
    expect(items.every((item) => Number.isSafeInteger(item.views))).toBe(true);
  });

  it('draws the same line every time, with one clear spike four days before the end', () => {
    expect(answerPageviews(PATH, known)).toEqual(answerPageviews(PATH, known));
    const parsed = parsePageviews(bodyOf(PATH));
    expect(parsed.ok && attentionOf(parsed.value).spikes).toEqual(['2026-11-26']);
  });

  it('keeps the line’s shape whatever month is asked', () => {
    const later = PATH.replace('20261101/20261130', '20270301/20270330');
    const views = (path: string) => bodyOf(path).items.map((item) => item.views);
    expect(views(later)).toEqual(views(PATH));
  });

  it('reads titles with encoded slashes', () => {
    const path = PATH.replace('Min_Aung_Hlaing', 'AC%2FDC');
    expect(bodyOf(path).items[0]!.article).toBe('AC/DC');
  });

  it('answers an unknown article with Wikimedia’s 404 problem document', () => {
    const answer = answerPageviews(PATH.replace('Min_Aung_Hlaing', 'Nobody_At_All'), known);
    expect(answer?.status).toBe(404);
    expect(JSON.parse(answer!.body)).toMatchObject({
      type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found',
      title: 'Not found.',
      method: 'get',
      uri: '/analytics.wikimedia.org/v1/pageviews/per-article/en.wikipedia/all-access/user/Nobody_At_All/daily/20261101/20261130',
    });
  });

  it('answers dates it cannot read with 400, and other paths not at all', () => {
    expect(answerPageviews(PATH.replace('20261130', '20261131'), known)?.status).toBe(400);
    expect(
      answerPageviews(PATH.replace('20261101/20261130', '20261130/20261101'), known)?.status,
    ).toBe(400);
    expect(answerPageviews('/api/rest_v1/page/summary/Min_Aung_Hlaing', known)).toBeUndefined();
    expect(answerPageviews(PATH.replace('/user/', '/spider/'), known)).toBeUndefined();
  });

  it('answers the gateway’s own request', async () => {
    const fetch = (async (url: string) => {
      const answer = answerPageviews(new URL(url).pathname, known);
      return new Response(answer?.body ?? '', { status: answer?.status ?? 404 });
    }) as typeof globalThis.fetch;
    const deps = { fetch, userAgent: 'Gloss/test', timeoutMs: 1000 };
    const site = { origin: 'http://127.0.0.1:4173' };
    const now = Date.UTC(2026, 11, 1, 9, 30);
    const views = await fetchDailyViews('en', 'Min Aung Hlaing', site, deps, now);
    expect(views.ok && views.value).toHaveLength(30);
    expect(await fetchDailyViews('en', 'Nobody', site, deps, now)).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});
