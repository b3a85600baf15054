import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchFeed, parseFeed, plain } from '../../../gateways/feeds';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/feeds', name), 'utf8');

describe('parseFeed', () => {
  it('reads an RSS feed: plain-text titles, resolved links, dates in UTC, the outlet from <source>', () => {
    const feed = parseFeed(fixture('asia-desk.rss'), 'https://asia-desk.example/feed.xml');
    if (!feed.ok) throw new Error(JSON.stringify(feed.error));
    expect(feed.value.title).toBe('Asia Desk & Friends');
    expect(feed.value.articles).toEqual([
      {
        title: 'ASEAN envoys press Myanmar junta on five-point consensus',
        url: 'https://asia-desk.example/asean-envoys-press-junta',
        date: '2026-11-26T08:15:00.000Z',
        domain: 'asia-desk.example',
      },
      {
        title: 'Min Aung Hlaing visits Moscow & Naypyidaw replies',
        url: 'https://asia-desk.example/min-aung-hlaing-moscow',
        date: '2026-11-25T19:40:00.000Z',
        domain: 'asia-desk.example',
      },
      {
        title: 'Aung San Suu Kyi’s trial resumes',
        url: 'https://asia-desk.example/suu-kyi-trial',
        date: '2026-11-23T23:30:00.000Z',
        domain: 'wire-syndicate.example',
      },
    ]);
  });

  it('reads an Atom feed, taking the alternate link and the published date', () => {
    const feed = parseFeed(fixture('region-watch.atom'), 'https://region-watch.example/atom');
    if (!feed.ok) throw new Error(JSON.stringify(feed.error));
    expect(feed.value.title).toBe('Region Watch');
    expect(feed.value.articles.map(({ title, url, date }) => ({ title, url, date }))).toEqual([
      {
        title: 'National League for Democracy marks anniversary',
        url: 'https://region-watch.example/nld-anniversary',
        date: '2026-11-27T09:30:00.000Z',
      },
      {
        title: 'Thailand and Myanmar reopen border crossing',
        url: 'https://region-watch.example/border-crossing',
        date: '2026-11-26T07:00:00.000Z',
      },
    ]);
  });

  it('reads an RSS 1.0 (RDF) feed, whose items stand beside the channel', () => {
    const rdf = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
        xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://old.example/"><title>Old Style</title></channel>
        <item rdf:about="https://old.example/1"><title>ASEAN summit</title>
          <link>https://old.example/1</link><dc:date>2026-11-20T10:00:00Z</dc:date></item>
      </rdf:RDF>`;
    const feed = parseFeed(rdf, 'https://old.example/rss');
    expect(feed.ok && feed.value.articles.map((article) => article.title)).toEqual([
      'ASEAN summit',
    ]);
  });

  it('says clearly what is wrong with truncated XML, HTML and other documents', () => {
    const truncated = fixture('asia-desk.rss').slice(0, 400);
    const broken = parseFeed(truncated, 'https://a.example/');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error.kind).toBe('malformed');
    expect(!broken.ok && broken.error.kind === 'malformed' && broken.error.detail).toMatch(
      /^not a well-formed feed: /,
    );
    expect(parseFeed('<html><body>Moved</body></html>', 'https://a.example/')).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'not an RSS or Atom feed' },
    });
    expect(parseFeed('', 'https://a.example/').ok).toBe(false);
    expect(parseFeed('{"items":[]}', 'https://a.example/').ok).toBe(false);
  });

  it('does not expand entities a hostile document declares', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <rss><channel><title>&b;</title></channel></rss>`;
    const feed = parseFeed(bomb, 'https://a.example/');
    // Either refused, or read without the expansion: never a title of a hundred a's.
    expect(feed.ok ? feed.value.title.length < 50 : feed.error.kind === 'malformed').toBe(true);
  });

  it('keeps at most a few hundred items and cuts absurd titles', () => {
    const items = Array.from(
      { length: 1000 },
      (_, n) =>
        `<item><title>${'Long '.repeat(n === 0 ? 500 : 1)}${n}</title><link>https://a.example/${n}</link><pubDate>Thu, 26 Nov 2026 08:15:00 GMT</pubDate></item>`,
    ).join('');
    const feed = parseFeed(
      `<rss><channel><title>Big</title>${items}</channel></rss>`,
      'https://a.example/',
    );
    expect(feed.ok && feed.value.articles).toHaveLength(200);
    expect(feed.ok && feed.value.articles[0]!.title.length).toBe(300);
  });
});

describe('plain', () => {
  it('turns markup into text and decodes entities once', () => {
    expect(plain('<b>Bold</b> &amp;amp; &#x41;&#66; &lt;script&gt;x&lt;/script&gt;')).toBe(
      'Bold &amp; AB scriptx/script',
    );
  });

  it('keeps the text after a "<" that opens no tag, and reads a title full of them in one pass', () => {
    expect(plain('<b>Rates</b> < 5% for now')).toBe('Rates 5% for now');
    // 200,000 unclosed "<": a search to the end from each would take minutes, not milliseconds.
    const hostile = '<a'.repeat(100_000);
    expect(plain(hostile)).toBe('a'.repeat(100_000));
  });
});

describe('fetchFeed', () => {
  it('refuses an address that is not http(s) without fetching it', async () => {
    let fetched = false;
    const answer = await fetchFeed('javascript:alert(1)', {
      fetch: (async () => {
        fetched = true;
        return new Response('');
      }) as typeof fetch,
      userAgent: 'Gloss/test',
      timeoutMs: 1000,
    });
    expect(answer.ok).toBe(false);
    expect(fetched).toBe(false);
  });
});
