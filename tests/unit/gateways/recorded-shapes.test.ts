// Runs the summary parser on real responses recorded from Wikipedia, kept outside the repository
// in the shared corpus (GLOSS_SHARED, default ../shared). Skipped, with a note, when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../gateways/feeds';
import { parseSummary } from '../../../gateways/wikipedia';

const shared = resolve(process.env.GLOSS_SHARED ?? join(import.meta.dirname, '../../../../shared'));
const dir = join(shared, 'corpus/api/wikipedia-rest');
const present = existsSync(dir);
if (!present)
  console.warn(`Recorded Wikipedia responses not found at ${dir}: skipping (set GLOSS_SHARED).`);

const load = (name: string): unknown => {
  const json = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { response?: unknown };
  // Some recordings wrap the body with notes on where it came from.
  return typeof json === 'object' && json !== null && 'response' in json ? json.response : json;
};

describe.skipIf(!present)('parseSummary on recorded Wikipedia responses', () => {
  it('reads Moscow, with its Wikidata id and thumbnail', () => {
    const result = parseSummary(load('android__rb_page_summary_geo.json'), 'en');
    expect(result.ok && result.value).toMatchObject({
      key: 'en:Moscow',
      title: 'Moscow',
      wikidataId: 'Q649',
      description: 'Capital and largest city of Russia',
      pageUrl: 'https://en.wikipedia.org/wiki/Moscow',
    });
    expect(result.ok && result.value.thumbnail?.width).toBe(320);
  });

  it('reads Tokyo from the summary service output', () => {
    const result = parseSummary(load('mobileapps__page_summary-enwiki-Tokyo-871928272.json'), 'en');
    expect(result.ok && result.value.wikidataId).toBe('Q1490');
  });

  it("reads a summary without wikibase_item (Fermat's Last Theorem)", () => {
    const result = parseSummary(load('android__rb_page_summary_valid.json'), 'en');
    expect(result.ok && result.value.title).toBe("Fermat's Last Theorem");
    expect(result.ok && result.value.wikidataId).toBeUndefined();
  });

  it('reads the older shape without titles (Douglas Adams, 2017)', () => {
    const result = parseSummary(load('wptools__rest_summary.json'), 'en');
    expect(result.ok && result.value.key).toBe('en:Douglas_Adams');
  });

  it('tells the disambiguation page "Test"', () => {
    const result = parseSummary(load('wme__summary_disambiguation_Test.json'), 'en');
    expect(result.ok && result.value.kind).toBe('disambiguation');
  });

  it('turns the recorded 404 into not-found', () => {
    expect(parseSummary(load('wme__summary_404_not_found.json'), 'en')).toEqual({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});

const rssDir = join(shared, 'corpus/api/rss');
const rssPresent = existsSync(rssDir);
if (!rssPresent) console.warn(`Recorded RSS responses not found at ${rssDir}: skipping.`);

describe.skipIf(!rssPresent)('parseFeed on recorded Google News RSS', () => {
  it('reads the search feed: titles, dates and each outlet from <source>', () => {
    const xml = readFileSync(
      join(rssDir, 'google-news-search__breaking-OR-crisis__2026-09-25__trimmed.xml'),
      'utf8',
    );
    const feed = parseFeed(xml, 'https://news.google.com/rss/search?q=breaking');
    if (!feed.ok) throw new Error(JSON.stringify(feed.error));
    expect(feed.value.articles.map(({ domain, date }) => ({ domain, date }))).toEqual([
      { domain: 'countynewscenter.com', date: '2026-09-25T13:53:48.000Z' },
      { domain: 'theguardian.com', date: '2026-09-25T16:11:00.000Z' },
    ]);
    expect(feed.value.articles[1]!.title).toMatch(/^Ketanji Brown Jackson criticizes/);
  });

  it('reads the German one-item feed, whose link goes straight to the outlet', () => {
    const xml = readFileSync(
      join(rssDir, 'google-news-search__msft_de__2020-08-01__one-item-fragment.xml'),
      'utf8',
    );
    const feed = parseFeed(xml, 'https://news.google.com/rss/search?q=msft');
    if (!feed.ok) throw new Error(JSON.stringify(feed.error));
    expect(feed.value.articles).toHaveLength(1);
    expect(feed.value.articles[0]).toMatchObject({
      domain: 'ims-magazin.de',
      date: '2020-07-15T07:00:00.000Z',
    });
    expect(feed.value.articles[0]!.url).toMatch(/^http:\/\/www\.ims-magazin\.de\/microsoft-/);
  });
});
