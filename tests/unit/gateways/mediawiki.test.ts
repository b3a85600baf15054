import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseChoices,
  parseSearch,
  parseTitleQuery,
  queryTitles,
} from '../../../gateways/mediawiki';

describe('parseTitleQuery', () => {
  const answer = {
    batchcomplete: true,
    query: {
      normalized: [{ fromencoded: false, from: 'aung san suu kyi', to: 'Aung san suu kyi' }],
      redirects: [
        { from: 'Aung san suu kyi', to: 'Aung San Suu Kyi' },
        { from: 'UN', to: 'United Nations' },
      ],
      pages: [
        {
          pageid: 2437,
          ns: 0,
          title: 'Aung San Suu Kyi',
          pageprops: { wikibase_item: 'Q36740' },
          description: 'Burmese politician',
        },
        { pageid: 31769, ns: 0, title: 'United Nations', pageprops: { wikibase_item: 'Q1065' } },
        {
          pageid: 1213411,
          ns: 0,
          title: 'NLD',
          pageprops: { disambiguation: '', wikibase_item: 'Q225114' },
        },
        { ns: 0, title: 'Nobody Here', missing: true },
        { title: 'Bad|title', invalidreason: 'illegal character', invalid: true },
      ],
    },
  };

  it('follows normalisation and redirects to each asked title', () => {
    const result = parseTitleQuery(answer, [
      'aung san suu kyi',
      'UN',
      'NLD',
      'Nobody Here',
      'Bad|title',
      'Not asked',
    ]);
    if (!result.ok) throw new Error(result.error.kind);
    expect(Object.fromEntries(result.value)).toEqual({
      'aung san suu kyi': {
        kind: 'article',
        title: 'Aung San Suu Kyi',
        wikidataId: 'Q36740',
        description: 'Burmese politician',
      },
      UN: { kind: 'article', title: 'United Nations', wikidataId: 'Q1065' },
      NLD: { kind: 'disambiguation', title: 'NLD' },
      'Nobody Here': { kind: 'missing' },
      'Bad|title': { kind: 'missing' },
    });
  });

  it('reads the older shape with pages keyed by id', () => {
    const old = {
      query: {
        pages: {
          '8091': {
            pageid: 8091,
            ns: 0,
            title: 'Douglas Adams',
            pageprops: { wikibase_item: 'Q42' },
          },
        },
      },
    };
    const result = parseTitleQuery(old, ['Douglas Adams']);
    expect(result.ok && result.value.get('Douglas Adams')).toEqual({
      kind: 'article',
      title: 'Douglas Adams',
      wikidataId: 'Q42',
    });
  });

  it('survives a redirect loop', () => {
    const loop = {
      query: {
        redirects: [
          { from: 'A', to: 'B' },
          { from: 'B', to: 'A' },
        ],
        pages: [],
      },
    };
    expect(parseTitleQuery(loop, ['A'])).toEqual({ ok: true, value: new Map() });
  });

  it.each([null, [], 'text', {}, { error: { code: 'ratelimited', info: 'slow down' } }])(
    'rejects %j clearly',
    (body) => {
      const result = parseTitleQuery(body, ['A']);
      expect(!result.ok && result.error.kind).toBe('malformed');
    },
  );

  it('refuses more than 50 titles a request', async () => {
    const fetch = (async () => new Response('{}')) as typeof globalThis.fetch;
    const titles = Array.from({ length: 51 }, (_, index) => `T${index}`);
    await expect(
      queryTitles(
        titles,
        { origin: 'https://en.wikipedia.org', lang: 'en' },
        { fetch, userAgent: 'x', timeoutMs: 100 },
      ),
    ).rejects.toThrow(RangeError);
  });
});

describe('parseSearch', () => {
  it('lists result titles, best first', () => {
    expect(
      parseSearch({
        query: {
          search: [{ ns: 0, title: 'Sergei Shoigu' }, { ns: 0, title: 'Shoigu' }, { ns: 0 }],
        },
      }),
    ).toEqual({
      ok: true,
      value: ['Sergei Shoigu', 'Shoigu'],
    });
  });
});

// Real responses recorded from en.wikipedia.org, kept outside the repository (GLOSS_SHARED, default ../shared).
const shared = resolve(process.env.GLOSS_SHARED ?? join(import.meta.dirname, '../../../../shared'));
const recorded = join(shared, 'corpus/api/mediawiki-action');
const load = (name: string): unknown => {
  const json = JSON.parse(readFileSync(join(recorded, name), 'utf8')) as { response?: unknown };
  return typeof json === 'object' && json !== null && 'response' in json ? json.response : json;
};
if (!existsSync(recorded))
  console.warn(`Recorded action API responses not found at ${recorded}: skipping.`);

describe.skipIf(!existsSync(recorded))('on recorded Wikipedia responses', () => {
  it('follows the recorded redirect "Adams, Douglas"', () => {
    const result = parseTitleQuery(load('wptools__redirect.json'), ['Adams, Douglas']);
    expect(result.ok && result.value.get('Adams, Douglas')).toMatchObject({
      kind: 'article',
      title: 'Douglas Adams',
    });
  });

  it('tells the recorded disambiguation page', () => {
    const result = parseTitleQuery(load('wptools__disambiguation.json'), [
      'Douglas Adams (disambiguation)',
    ]);
    expect(result.ok && result.value.get('Douglas Adams (disambiguation)')).toEqual({
      kind: 'disambiguation',
      title: 'Douglas Adams (disambiguation)',
    });
  });

  it('reads recorded search results', () => {
    const result = parseSearch(load('android__full_text_search_results.json'));
    expect(result.ok).toBe(true);
  });
});

describe('parseChoices', () => {
  it('keeps articles, described first, and drops missing and disambiguation pages', () => {
    const body = {
      batchcomplete: true,
      query: {
        pages: [
          { ns: 0, title: 'Mercury (element)', description: 'Chemical element with symbol Hg' },
          { ns: 0, title: 'Mercury (mythology)' },
          { ns: 0, title: 'Mercury (disambiguation)', pageprops: { disambiguation: '' } },
          { ns: 0, title: 'Mercury Nowhere', missing: true },
          { ns: 0, title: 'Mercury (planet)', description: 'First planet from the Sun' },
          { ns: 0, title: 'Mercury (planet)', description: 'Listed twice' },
        ],
      },
    };
    expect(parseChoices(body)).toEqual({
      ok: true,
      value: [
        { title: 'Mercury (element)', description: 'Chemical element with symbol Hg' },
        { title: 'Mercury (planet)', description: 'First planet from the Sun' },
        { title: 'Mercury (mythology)' },
      ],
    });
  });

  it('reads a page without links as no choices, and an error or nonsense as malformed', () => {
    expect(parseChoices({ batchcomplete: true })).toEqual({ ok: true, value: [] });
    expect(parseChoices({ error: { code: 'toomanyvalues' } })).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'the API said toomanyvalues' },
    });
    expect(parseChoices('<html>').ok).toBe(false);
    expect(parseChoices({ query: { pages: [null, 7, { title: 42 }] } })).toEqual({
      ok: true,
      value: [],
    });
  });
});
