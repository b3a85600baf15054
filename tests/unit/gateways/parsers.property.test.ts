// Every parser, fed real-shape responses broken in every way fast-check can think of, answers a
// value or a typed error: it never throws, and what it answers is safe to show.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../core/result';
import { parseFeed } from '../../../gateways/feeds';
import { parseArticles } from '../../../gateways/gdelt';
import {
  parseChoices,
  parsePrefixSearch,
  parseSearch,
  parseTitleQuery,
} from '../../../gateways/mediawiki';
import { parseClaims, parseLabels } from '../../../gateways/wikidata';
import { parseSummary } from '../../../gateways/wikipedia';
import gdeltFixture from '../../fixtures/gdelt/articles.json';
import standardSummary from '../../fixtures/summaries/standard.json';
import { damagedText, mutated } from '../mutations';

const KINDS = ['not-found', 'rate-limited', 'http', 'malformed', 'offline', 'timeout', 'cancelled'];
const RUNS = { numRuns: 300 };

/** A parser's answer: a value, or an error of a kind the card knows how to explain. */
function expectResult(result: Result<unknown, { kind: string }>): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) expect(KINDS).toContain(result.error.kind);
}

const isWebLink = (url: string) => /^https?:\/\//.test(url);

const titleQuery = {
  batchcomplete: true,
  query: {
    normalized: [{ fromencoded: false, from: 'aung san suu kyi', to: 'Aung san suu kyi' }],
    redirects: [{ from: 'Aung san suu kyi', to: 'Aung San Suu Kyi' }],
    pages: [
      {
        pageid: 2437,
        ns: 0,
        title: 'Aung San Suu Kyi',
        pageprops: { wikibase_item: 'Q36740' },
        description: 'Burmese politician',
      },
      { pageid: 1213411, ns: 0, title: 'NLD', pageprops: { disambiguation: '' } },
      { ns: 0, title: 'Nobody Here', missing: true },
    ],
  },
};
const search = {
  query: {
    search: [
      { ns: 0, title: 'Sergei Shoigu' },
      { ns: 0, title: 'Shoigu' },
    ],
  },
};
const choices = {
  query: {
    pages: [
      { ns: 0, title: 'Mercury (element)', description: 'Chemical element' },
      { ns: 0, title: 'Mercury (disambiguation)', pageprops: { disambiguation: '' } },
    ],
  },
};
const prefix = {
  query: {
    pages: [
      { pageid: 1, ns: 0, title: 'Myanmar', index: 1, description: 'Country in Southeast Asia' },
      { pageid: 2, ns: 0, title: 'Myanmar Army', index: 2, pageprops: { wikibase_item: 'Q1' } },
    ],
  },
};
const snak = (property: string, datavalue: object) => ({
  mainsnak: { snaktype: 'value', property, datavalue },
  type: 'statement',
  rank: 'normal',
});
const claims = {
  entities: {
    Q36740: {
      type: 'item',
      id: 'Q36740',
      claims: {
        P31: [snak('P31', { type: 'wikibase-entityid', value: { id: 'Q5' } })],
        P569: [
          snak('P569', { type: 'time', value: { time: '+1945-06-19T00:00:00Z', precision: 11 } }),
        ],
        P1082: [snak('P1082', { type: 'quantity', value: { amount: '+54000000' } })],
      },
    },
  },
};
const labels = { entities: { Q836: { labels: { en: { language: 'en', value: 'Myanmar' } } } } };

describe('parsers under broken input', () => {
  it('the summary parser', () => {
    fc.assert(
      fc.property(mutated(standardSummary), (body) => {
        const result = parseSummary(body, 'en');
        expectResult(result);
        if (result.ok) {
          expect(isWebLink(result.value.pageUrl)).toBe(true);
          if (result.value.thumbnail) expect(isWebLink(result.value.thumbnail.source)).toBe(true);
          expect(typeof result.value.extract).toBe('string');
        }
      }),
      RUNS,
    );
  });

  it('the action API parsers', () => {
    fc.assert(
      fc.property(mutated(titleQuery), fc.array(fc.string(), { maxLength: 4 }), (body, asked) => {
        expectResult(parseTitleQuery(body, ['aung san suu kyi', 'NLD', ...asked]));
      }),
      RUNS,
    );
    for (const [sample, parse] of [
      [search, parseSearch],
      [choices, parseChoices],
      [prefix, parsePrefixSearch],
    ] as const)
      fc.assert(
        fc.property(mutated(sample), (body) => expectResult(parse(body))),
        RUNS,
      );
  });

  it('the Wikidata parsers', () => {
    fc.assert(
      fc.property(mutated(claims), (body) => expectResult(parseClaims(body, 'Q36740'))),
      RUNS,
    );
    fc.assert(
      fc.property(mutated(labels), (body) => expectResult(parseLabels(body, 'en'))),
      RUNS,
    );
  });

  it('the GDELT parser, on broken values and on damaged text', () => {
    const sample = { articles: gdeltFixture.articles.ASEAN };
    const check = (body: string) => {
      const result = parseArticles(body);
      expectResult(result);
      if (result.ok) for (const article of result.value) expect(isWebLink(article.url)).toBe(true);
    };
    fc.assert(
      fc.property(mutated(sample), (body) => check(JSON.stringify(body) ?? '')),
      RUNS,
    );
    fc.assert(fc.property(damagedText(JSON.stringify(sample)), check), RUNS);
  });

  it('the feed parser, on damaged RSS and Atom', () => {
    for (const name of ['asia-desk.rss', 'region-watch.atom']) {
      const xml = readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
      fc.assert(
        fc.property(damagedText(xml), (text) => {
          const result = parseFeed(text, 'https://feeds.example/feed');
          expectResult(result);
          if (result.ok)
            for (const article of result.value.articles) expect(isWebLink(article.url)).toBe(true);
        }),
        { numRuns: 200 },
      );
    }
  });
});
