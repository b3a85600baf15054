// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, leapingPacing, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import type { RelatedArticle } from '../../../core/articles';
import { RELATED_LIFETIME_MS } from '../../../core/cache-policy';
import type { NewsSource } from '../../../core/news';
import { groupStories } from '../../../core/stories';
import { createRelatedService } from '../../../services/related';

// GDELT's limit is kept by its own tests below; here each test asks afresh.
const test = useServices(9_000_000, { gdeltLimit: false });

const service = (
  options: {
    feeds?: string[];
    gdelt?: boolean;
    googleNews?: boolean;
    pacing?: ReturnType<typeof leapingPacing>;
  } = {},
) =>
  createRelatedService({
    db: test.db,
    cache: test.cache,
    http: http(),
    pacing: options.pacing ?? leapingPacing(),
    gdelt: async () => (options.gdelt === false ? undefined : { origin: test.server.origin }),
    googleNews: async () => (options.googleNews ? { origin: test.server.origin } : undefined),
    cardLanguage: async () => 'en',
    feeds: async () => (options.feeds ?? []).map((name) => `${test.server.origin}/feeds/${name}`),
    now: () => test.clock,
  });

/** One source's articles, waiting for them however long its queue takes. */
async function articlesOf(
  related: ReturnType<typeof service>,
  source: NewsSource,
  key: string,
  title: string,
): Promise<RelatedArticle[]> {
  for (;;) {
    const answer = await related.getRelated(key, title, source);
    if (!answer.ok) throw new Error(answer.error.kind);
    if (answer.value.status === 'off') throw new Error(`${source} is off`);
    if (answer.value.status === 'done') return answer.value.value;
  }
}

describe("GDELT's latest articles", () => {
  it('lists the newest, without hostile entries, mending its bodies, and caches them for an hour', async () => {
    const before = test.server.apiRequests();
    const articles = await articlesOf(service(), 'gdelt', 'en:ASEAN', 'ASEAN');
    expect(groupStories(articles, 'ASEAN').map((story) => story.outlets)).toEqual([
      ['asia-desk.example', 'mekong-post.example'],
      ['wire-syndicate.example', 'regional-herald.example'],
      ['trade-ledger.example', 'journal-asie.example'],
    ]);
    // The stand-in escapes apostrophes as GDELT does, which JSON does not allow.
    expect(articles.map((article) => article.title)).toContain(
      "ASEAN ministers weigh next steps on Myanmar's peace plan",
    );
    await articlesOf(service(), 'gdelt', 'en:ASEAN', 'ASEAN');
    expect(test.server.apiRequests() - before).toBe(1);
  });

  it('serves the stored list past its hour at once, and refreshes it in the background', async () => {
    const related = service();
    await articlesOf(related, 'gdelt', 'en:ASEAN', 'ASEAN');
    await test.db.related.update('en:ASEAN', { articles: [] });
    test.clock += RELATED_LIFETIME_MS + 1;
    const before = test.server.apiRequests();
    expect(await articlesOf(related, 'gdelt', 'en:ASEAN', 'ASEAN')).toEqual([]);
    await related.getRelated.settled();
    expect(test.server.apiRequests() - before).toBe(1);
    expect(await articlesOf(related, 'gdelt', 'en:ASEAN', 'ASEAN')).toHaveLength(6);
  });

  it('is off, asking nothing, when the reader turned it off', async () => {
    const before = test.server.apiRequests();
    expect(await service({ gdelt: false }).getRelated('en:ASEAN', 'ASEAN', 'gdelt')).toEqual({
      ok: true,
      value: { status: 'off' },
    });
    expect(test.server.apiRequests()).toBe(before);
  });

  it('stores no failure: a source that errs is asked again next time', async () => {
    test.server.failNext(500);
    expect(await service().getRelated('en:Nobody', 'Nobody', 'gdelt')).toEqual({
      ok: false,
      error: { kind: 'http', status: 500 },
    });
    expect(await test.db.related.get('en:Nobody')).toBeUndefined();
  });
});

describe("the reader's feeds", () => {
  it('are the items whose titles name the entity, and off without feeds', async () => {
    const related = service({ feeds: ['asia-desk.rss', 'region-watch.atom'] });
    const articles = await articlesOf(related, 'feeds', 'en:ASEAN', 'ASEAN');
    expect(articles.map((article) => article.title)).toContain(
      'ASEAN envoys press Myanmar junta on five-point consensus',
    );
    expect(articles.every((article) => /ASEAN/.test(article.title))).toBe(true);
    expect(await service().getRelated('en:ASEAN', 'ASEAN', 'feeds')).toEqual({
      ok: true,
      value: { status: 'off' },
    });
  });

  it('are still read when one is broken, and an error only when none could be', async () => {
    const some = await articlesOf(
      service({ feeds: ['no-such-feed.rss', 'region-watch.atom'] }),
      'feeds',
      'en:National_League_for_Democracy',
      'National League for Democracy',
    );
    expect(some.map((article) => article.title)).toEqual([
      'National League for Democracy marks anniversary',
    ]);
    const none = await service({ feeds: ['no-such-feed.rss'] }).getRelated(
      'en:ASEAN',
      'ASEAN',
      'feeds',
    );
    expect(none).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('Google News', () => {
  it("gives the card language's articles through its own queue, merged into the same stories", async () => {
    const related = service({ googleNews: true });
    const fromGoogle = await articlesOf(related, 'googleNews', 'en:ASEAN', 'ASEAN');
    const fromGdelt = await articlesOf(related, 'gdelt', 'en:ASEAN', 'ASEAN');
    expect(fromGoogle.length).toBeGreaterThan(0);
    const alone = groupStories(fromGdelt, 'ASEAN').length;
    expect(groupStories([...fromGdelt, ...fromGoogle], 'ASEAN')).toHaveLength(alone);
    expect(await service().getRelated('en:ASEAN', 'ASEAN', 'googleNews')).toEqual({
      ok: true,
      value: { status: 'off' },
    });
  });
});
