import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestUnique, untokeniseTitle, type RelatedArticle } from '../../../core/articles';
import { err } from '../../../core/result';
import {
  fetchRelated,
  mendJson,
  parseArticles,
  parseTimeline,
  readBody,
} from '../../../gateways/gdelt';

const article = (
  title: string,
  date: string,
  url = `https://a.example/${encodeURIComponent(title)}`,
): RelatedArticle => ({
  url,
  title,
  domain: 'a.example',
  date,
});

describe('GDELT articles', () => {
  it('parses the artlist shape, untokenising titles and keeping only http(s) links', () => {
    const body = JSON.stringify({
      articles: [
        {
          url: 'https://news.example/1',
          title: 'U . S . and China talk ; markets rise',
          seendate: '20261127T081500Z',
          domain: 'news.example',
          language: 'English',
          sourcecountry: 'Singapore',
        },
        {
          url: 'javascript:alert(1)',
          title: 'bad link',
          seendate: '20261127T081500Z',
          domain: 'x',
        },
        { url: 'https://news.example/2', title: '', seendate: '20261127T081500Z' },
        { url: 'https://news.example/3', title: 'no date' },
        'not an article',
      ],
    });
    expect(parseArticles(body)).toEqual({
      ok: true,
      value: [
        {
          url: 'https://news.example/1',
          title: 'U.S. and China talk; markets rise',
          domain: 'news.example',
          date: '2026-11-27T08:15:00Z',
          sourceCountry: 'Singapore',
          language: 'English',
        },
      ],
    });
  });

  it('reads no results as an empty list, and other plain text as an error', () => {
    expect(parseArticles('{}')).toEqual({ ok: true, value: [] });
    expect(parseArticles('Internal error.')).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'Internal error.' },
    });
    expect(parseArticles('{"articles": "x"}').ok).toBe(false);
    expect(parseArticles('{"articles": [{"url": "https://a.example", "titl').ok).toBe(false);
  });

  it('answers 429 as busy', async () => {
    const fetch = (async () =>
      new Response('slow down', { status: 429 })) as typeof globalThis.fetch;
    expect(
      await fetchRelated(
        'ASEAN',
        { origin: 'https://api.gdeltproject.org' },
        { fetch, userAgent: 'x', timeoutMs: 100 },
      ),
    ).toEqual({
      ok: false,
      error: { kind: 'rate-limited' },
    });
  });

  it('asks for the name as a quoted phrase, newest first', async () => {
    let asked = '';
    const fetch = (async (url: string) => {
      asked = url;
      return new Response('{}');
    }) as typeof globalThis.fetch;
    await fetchRelated(
      'Min Aung "Hlaing"',
      { origin: 'https://api.gdeltproject.org' },
      { fetch, userAgent: 'x', timeoutMs: 100 },
    );
    const params = new URL(asked).searchParams;
    expect(params.get('query')).toBe('"Min Aung Hlaing"');
    expect(params.get('sort')).toBe('DateDesc');
    expect(params.get('mode')).toBe('artlist');
  });

  it('lists each story once, newest first', () => {
    const list = [
      article('Older story', '2026-11-20T00:00:00Z'),
      article(
        "ASEAN ministers weigh Myanmar's plan",
        '2026-11-26T12:00:00Z',
        'https://b.example/1',
      ),
      article(
        "ASEAN ministers weigh Myanmar ' s plan",
        '2026-11-26T14:00:00Z',
        'https://c.example/1',
      ),
      article('Newest story', '2026-11-27T00:00:00Z'),
    ];
    expect(newestUnique(list, 5).map((item) => [item.title, item.url])).toEqual([
      ['Newest story', 'https://a.example/Newest%20story'],
      ["ASEAN ministers weigh Myanmar ' s plan", 'https://c.example/1'],
      ['Older story', 'https://a.example/Older%20story'],
    ]);
  });

  it('untokenises titles', () => {
    expect(untokeniseTitle('Trump insists US - China relations ( mostly ) fine , aides say')).toBe(
      'Trump insists US-China relations (mostly) fine, aides say',
    );
  });
});

const shared = resolve(process.env.GLOSS_SHARED ?? join(import.meta.dirname, '../../../../shared'));
const recorded = join(shared, 'corpus/api/gdelt/gdelt_doc_artlist__cli-docs_NVDA_2026-05-15.json');
if (!existsSync(recorded))
  console.warn(`Recorded GDELT response not found at ${recorded}: skipping.`);

describe.skipIf(!existsSync(recorded))('on recorded GDELT articles', () => {
  it('parses every recorded article', () => {
    const body = JSON.parse(readFileSync(recorded, 'utf8')) as { articles: unknown[] };
    const parsed = parseArticles(JSON.stringify({ articles: body.articles }));
    expect(parsed.ok && parsed.value).toHaveLength(body.articles.length);
    expect(parsed.ok && parsed.value[0]).toMatchObject({
      title:
        'Trump insists US-China relations are in a good place despite differences as he wraps up Beijing trip',
      domain: 'news-gazette.com',
      date: '2026-05-15T01:15:00Z',
      sourceCountry: 'United States',
    });
  });
});

describe('parseTimeline', () => {
  it("reads the first series' points with their top articles, and no results as an empty line", () => {
    const body = JSON.stringify({
      timeline: [
        {
          series: 'Volume Intensity',
          data: [
            {
              date: '20261127T000000Z',
              value: 0.5,
              toparts: [
                { url: 'https://www.example-news.com/a', title: 'Junta chief meets U . S . envoy' },
                { url: 'javascript:alert(1)', title: 'A trap' },
                { title: 'No address' },
              ],
            },
            { date: '20261128T000000Z', value: 'high' },
            { date: '20261129T000000Z', value: 0.25 },
          ],
        },
      ],
    });
    expect(parseTimeline(body)).toEqual({
      ok: true,
      value: [
        {
          date: '20261127T000000Z',
          value: 0.5,
          top: [
            {
              url: 'https://www.example-news.com/a',
              title: 'Junta chief meets U.S. envoy',
              domain: 'example-news.com',
              date: '2026-11-27T00:00:00Z',
            },
          ],
        },
        { date: '20261129T000000Z', value: 0.25, top: [] },
      ],
    });
    expect(parseTimeline('{}')).toEqual({ ok: true, value: [] });
  });

  it('refuses an answer that is no timeline', () => {
    expect(parseTimeline('Your query was too short.')).toMatchObject({ ok: false });
    expect(parseTimeline('{"timeline": 4}')).toMatchObject({ ok: false });
  });
});

describe('bodies as GDELT really sends them', () => {
  const plea = 'Please limit requests to one every 5 seconds or contact us for larger queries.\n';

  it('takes the plea to slow down as the source refusing, with any status', () => {
    expect(readBody(plea)).toEqual(err({ kind: 'rate-limited' }));
    expect(parseArticles(plea)).toEqual(err({ kind: 'rate-limited' }));
    expect(parseTimeline(plea)).toEqual(err({ kind: 'rate-limited' }));
  });

  it('takes a complaint about the query (a name too short for it) as no news at all', () => {
    const complaint = 'The specified phrase is too short.\n';
    expect(parseArticles(complaint)).toEqual({ ok: true, value: [] });
    expect(parseTimeline(complaint)).toMatchObject({ ok: true });
  });

  it('mends backslashes that start no escape and raw control characters', () => {
    const body =
      '{"articles":[{"url":"https://a.example/x","title":"Junta\\\'s chief \\ a\tb \\"quoted\\" \\\\ kept \\u00e9","seendate":"20261127T101500Z","domain":"a.example"}]}';
    expect(() => JSON.parse(body)).toThrow();
    const parsed = parseArticles(body);
    expect(parsed).toMatchObject({ ok: true });
    expect(parsed.ok && parsed.value[0]!.title).toBe(`Junta's chief a b "quoted" \\ kept é`);
  });

  it('fails cleanly on a body that is broken past mending', () => {
    expect(parseArticles('{"articles":[{"url":"https://a.example/x","tit')).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    });
    expect(parseArticles('')).toEqual(err({ kind: 'malformed', detail: 'empty answer' }));
  });

  it('mends nothing in a body that is valid JSON', () => {
    const valid = JSON.stringify({ text: 'a \\ b \\\\ c "d" \u00e9' });
    expect(JSON.parse(mendJson(valid))).toEqual(JSON.parse(valid));
  });
});
