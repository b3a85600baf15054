import { describe, expect, it } from 'vitest';
import disambiguation from '../../fixtures/summaries/disambiguation.json';
import hostile from '../../fixtures/summaries/hostile.json';
import noExtract from '../../fixtures/summaries/no-extract.json';
import notFound from '../../fixtures/summaries/not-found.json';
import standard from '../../fixtures/summaries/standard.json';
import { fetchSummary, parseSummary } from '../../../gateways/wikipedia';

describe('parseSummary', () => {
  it('reads a standard article', () => {
    const result = parseSummary(standard, 'en');
    expect(result).toEqual({
      ok: true,
      value: {
        key: 'en:Aung_San_Suu_Kyi',
        lang: 'en',
        title: 'Aung San Suu Kyi',
        kind: 'standard',
        description: 'Burmese politician and Nobel Peace Prize laureate',
        extract: standard.extract,
        thumbnail: { source: standard.thumbnail.source, width: 320, height: 400 },
        pageUrl: 'https://en.wikipedia.org/wiki/Aung_San_Suu_Kyi',
        wikidataId: 'Q36740',
        dir: 'ltr',
      },
    });
  });

  it('tells a disambiguation page', () => {
    const result = parseSummary(disambiguation, 'en');
    expect(result.ok && result.value.kind).toBe('disambiguation');
    expect(result.ok && result.value.thumbnail).toBeUndefined();
  });

  it('reads a page without an extract', () => {
    const result = parseSummary(noExtract, 'en');
    expect(result.ok && result.value).toMatchObject({
      kind: 'no-extract',
      extract: '',
      title: 'Hlaing Tharyar Township',
    });
    expect(result.ok && 'description' in result.value).toBe(false);
  });

  it('turns the 404 problem document into not-found', () => {
    expect(parseSummary(notFound, 'en')).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it('keeps only plain text and http(s) URLs from a hostile answer', () => {
    const result = parseSummary(hostile, 'en');
    if (!result.ok) throw new Error('expected a summary');
    expect(result.value.title).toBe('<script>alert(1)</script>'); // text, rendered as text by the card
    expect(result.value.thumbnail).toBeUndefined();
    expect(result.value.pageUrl).toBe('https://en.wikipedia.org/wiki/Evil');
    expect(result.value.wikidataId).toBeUndefined();
    expect(result.value.dir).toBe('ltr');
  });

  it('refuses a title with half a character in it, which no address can carry', () => {
    const broken = { ...standard, titles: { ...standard.titles, canonical: '\udfff\ud800' } };
    expect(parseSummary(broken, 'en')).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it.each([null, 'text', 42, [], {}, { type: 'standard' }])('rejects %j as malformed', (body) => {
    const result = parseSummary(body, 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('malformed');
  });
});

describe('fetchSummary', () => {
  const site = { origin: 'https://en.wikipedia.org', lang: 'en' };
  const deps = (fetch: typeof globalThis.fetch, timeoutMs = 1000) => ({
    fetch,
    userAgent: 'Gloss/test',
    timeoutMs,
  });
  const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
    (async () => new Response(body, { status, headers })) as typeof fetch;

  it('asks the summary endpoint by title, naming itself', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetch = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify(standard), { status: 200 });
    }) as typeof globalThis.fetch;
    const result = await fetchSummary('Aung San Suu Kyi', site, deps(fetch));
    expect(result.ok).toBe(true);
    expect(calls[0]![0]).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/Aung_San_Suu_Kyi');
    expect(calls[0]![1]?.headers).toMatchObject({ 'Api-User-Agent': 'Gloss/test' });
  });

  it('encodes titles that hold URL syntax', async () => {
    let asked = '';
    const fetch = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify(notFound), { status: 404 });
    }) as typeof globalThis.fetch;
    await fetchSummary('AC/DC?x=1#y', site, deps(fetch));
    expect(asked).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/AC%2FDC%3Fx%3D1%23y');
  });

  it.each([
    [404, '{}', {}, { kind: 'not-found' }],
    [429, '', { 'Retry-After': '30' }, { kind: 'rate-limited', retryAfterSeconds: 30 }],
    [429, '', {}, { kind: 'rate-limited' }],
    [503, 'busy', {}, { kind: 'http', status: 503 }],
    [200, '{"type":"standard","tit', {}, { kind: 'malformed', detail: 'the body is not JSON' }],
  ])('answers HTTP %i with a clear error', async (status, body, headers, error) => {
    expect(await fetchSummary('X', site, deps(answer(status, body, headers)))).toEqual({
      ok: false,
      error,
    });
  });

  it('reports being offline when the request cannot be made', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    expect(await fetchSummary('X', site, deps(fetch))).toEqual({
      ok: false,
      error: { kind: 'offline' },
    });
  });

  it('gives up after its timeout', async () => {
    const fetch = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      })) as typeof globalThis.fetch;
    expect(await fetchSummary('X', site, deps(fetch, 20))).toEqual({
      ok: false,
      error: { kind: 'timeout' },
    });
  });
});
