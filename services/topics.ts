import { combineSources, newestUnique, type RelatedArticle } from '../core/articles';
import { describeError } from '../core/errors';
import type { SourceError } from '../core/errors';
import { ok, type Result } from '../core/result';
import { groupStories } from '../core/stories';
import { isDue, POLL_STAGGER_MS, queryTopicKey } from '../core/topic-schedule';
import type { GlossDb, SubscriptionRecord, TopicArticleRecord } from '../data/db';
import { fetchFeed } from '../gateways/feeds';
import { fetchRelated, GDELT_TIMEOUT_MS, type GdeltSite } from '../gateways/gdelt';
import type { HttpDeps } from '../gateways/http';
import type { NewsName } from './news-names';
import type { NewsPacing } from './news-pacing';
import { gdeltArticlesId } from './related';
import { bareTitle } from '../core/wikis';

/** Articles a topic's check keeps at most, newest first. */
const ARTICLES_PER_CHECK = 50;

export interface TopicServiceDeps {
  db: GlossDb;
  http: HttpDeps;
  /** GDELT is asked through its queue, where a topic check waits behind every card's request. */
  pacing: NewsPacing;
  gdelt: () => Promise<GdeltSite | undefined>;
  feeds: () => Promise<string[]>;
  intervalMinutes: () => Promise<number>;
  /** The name GDELT is asked for an entity by (services/news-names.ts); its bare title when absent. */
  newsName?: NewsName;
  now: () => number;
  /** Waits between topics in a round (a timer in the extension; nothing in tests). */
  pause?: (ms: number) => Promise<void>;
}

/** What a round of checks found, for the badge and for notifications. */
export interface PollReport {
  checked: number;
  found: Array<{ topic: SubscriptionRecord; articles: RelatedArticle[] }>;
  /** Set when a source asked Gloss to slow down: the round stopped there. */
  rateLimited: boolean;
}

/**
 * The reader's topics: following and unfollowing entities and keyword queries, and checking their
 * sources for new articles (GDELT for the query, and the reader's feeds for items that name it).
 *
 * Long as a whole because it is a factory: its functions share the database and the sources, and
 * each of them is short.
 */
export function createTopicService({
  db,
  http,
  pacing,
  gdelt,
  feeds,
  intervalMinutes,
  newsName = async (_key, title) => bareTitle(title),
  now,
  pause = () => Promise.resolve(),
}: TopicServiceDeps) {
  async function setSubscribed(key: string, title: string, subscribed: boolean): Promise<boolean> {
    if (!subscribed) {
      await unsubscribe(key);
      return false;
    }
    const existing = await db.subscriptions.get(key);
    if (!existing) {
      await db.subscriptions.put({
        key,
        kind: 'entity',
        title,
        query: await newsName(key, title),
        subscribedAt: now(),
        notify: false,
      });
    }
    return true;
  }

  /** Follows a keyword query; answers its topic. Empty or absurd keywords are refused. */
  async function subscribeQuery(keywords: string): Promise<Result<SubscriptionRecord, string>> {
    const text = keywords.trim().replace(/\s+/g, ' ');
    if (text.length < 2) return { ok: false, error: 'Type at least two letters to follow.' };
    if (text.length > 100) return { ok: false, error: 'Keep a topic under 100 characters.' };
    const key = queryTopicKey(text);
    const topic = (await db.subscriptions.get(key)) ?? {
      key,
      kind: 'query' as const,
      title: text,
      query: text,
      subscribedAt: now(),
      notify: false,
    };
    await db.subscriptions.put(topic);
    return ok(topic);
  }

  /** Stops following a topic, and forgets the articles found for it. */
  async function unsubscribe(key: string): Promise<void> {
    await db.transaction('rw', db.subscriptions, db.topicArticles, async () => {
      await db.subscriptions.delete(key);
      await db.topicArticles.where('topicKey').equals(key).delete();
    });
  }

  async function setNotify(key: string, notify: boolean): Promise<void> {
    await db.subscriptions.update(key, { notify });
  }

  /** Asks one topic's sources; stores what is new. Answers the new articles, or why it failed. */
  async function check(topic: SubscriptionRecord): Promise<Result<RelatedArticle[], SourceError>> {
    const site = await gdelt();
    const gdeltHttp: HttpDeps = { ...http, timeoutMs: GDELT_TIMEOUT_MS, backoff: undefined };
    const [news, ...lists] = await Promise.all([
      site
        ? pacing.ask(
            'gdelt',
            gdeltArticlesId(topic.query),
            () => fetchRelated(topic.query, site, gdeltHttp),
            undefined,
            'topic',
          )
        : Promise.resolve(ok([])),
      ...(await feeds()).map((url) => fetchFeed(url, http)),
    ]);
    const combined = combineSources(
      news,
      lists.map((list) => (list.ok ? ok(list.value.articles) : list)),
      topic.query,
    );
    if (!combined.ok) return combined;
    const articles = newestUnique(combined.value, ARTICLES_PER_CHECK);
    const ids = articles.map((article) => `${topic.key} ${article.url}`);
    const known = await db.topicArticles.bulkGet(ids);
    const at = now();
    const fresh: TopicArticleRecord[] = articles
      .filter((_, index) => known[index] === undefined)
      .map((article, index) => ({
        ...article,
        id: `${topic.key} ${article.url}`,
        topicKey: topic.key,
        // Within one round the list is newest first: keep that order in `foundAt` too.
        foundAt: at - index,
        unread: 1,
      }));
    await db.transaction('rw', db.subscriptions, db.topicArticles, async () => {
      // The topic may have been dropped while its sources were asked.
      if (!(await db.subscriptions.get(topic.key))) return;
      await db.topicArticles.bulkPut(fresh);
      await db.subscriptions.update(topic.key, {
        lastCheckedAt: at,
        lastError: news.ok ? undefined : describeError(news.error, 'The news source'),
      });
    });
    return ok(fresh);
  }

  /**
   * Checks every topic that is due (or all, when `force`), one after another with a pause between
   * them; stops the round when a source says it is busy (the shared backoff then holds every call).
   * `onFound` hears of each topic's new articles as soon as they are stored, so a round the browser
   * stops half-way has already told of what it found.
   */
  async function poll(
    force = false,
    onFound: (found: PollReport['found'][number]) => Promise<void> = async () => {},
  ): Promise<PollReport> {
    const interval = await intervalMinutes();
    const topics = (await db.subscriptions.orderBy('subscribedAt').toArray()).filter(
      (topic) => force || isDue(topic.lastCheckedAt, now(), interval),
    );
    const report: PollReport = { checked: 0, found: [], rateLimited: false };
    for (const [index, topic] of topics.entries()) {
      if (index > 0) await pause(POLL_STAGGER_MS);
      const answer = await check(topic);
      report.checked += 1;
      if (!answer.ok) {
        await db.subscriptions.update(topic.key, {
          lastCheckedAt: now(),
          lastError: describeError(answer.error, 'The news source'),
        });
        if (answer.error.kind === 'rate-limited') {
          report.rateLimited = true;
          break;
        }
      } else if (answer.value.length > 0) {
        const found = { topic, articles: answer.value };
        report.found.push(found);
        await onFound(found).catch((error: unknown) =>
          console.warn('Gloss could not tell of new articles:', error),
        );
      }
    }
    return report;
  }

  /** Marks articles read (the reader opened them), or all of a topic's. */
  async function markRead(ids: string[]): Promise<void> {
    await db.topicArticles.where('id').anyOf(ids).modify({ unread: 0 });
  }

  /** Stories with an unread telling: the badge counts a story once, however many outlets told it. */
  async function unreadCount(): Promise<number> {
    const unread = await db.topicArticles.where('unread').equals(1).toArray();
    return groupStories(unread, '', Infinity).length;
  }

  return { setSubscribed, subscribeQuery, unsubscribe, setNotify, poll, markRead, unreadCount };
}

export type TopicService = ReturnType<typeof createTopicService>;
