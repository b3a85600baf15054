import { GlossDb } from './db';

/**
 * What Gloss's own pages (the popup, the options page) read of the database, so their lists follow
 * every change at once (Dexie's live queries): reads only. Every page of the extension shares the
 * background's origin, hence its IndexedDB; every write goes through the background, which alone
 * holds the database whole (data/db.ts).
 */
const db = new GlossDb();

/** The entities the reader looked up last in the popup, newest first. */
export const recentLookups = (count: number) =>
  db.lookups.orderBy('lookedUpAt').reverse().limit(count).toArray();

/** The articles topic checks found last, newest found first. */
export const latestTopicArticles = (count: number) =>
  db.topicArticles.orderBy('foundAt').reverse().limit(count).toArray();

/** The articles topic checks found that the reader has not opened. */
export const unreadTopicArticles = () => db.topicArticles.where('unread').equals(1).toArray();

/** The reader's topics, oldest followed first. */
export const topics = () => db.subscriptions.orderBy('subscribedAt').toArray();

/** The meanings the reader chose for ambiguous names, per site. */
export const chosenMeanings = () => db.choices.toArray();
