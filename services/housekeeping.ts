import type { SourceError } from '../core/errors';
import { describeError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { makeBackup, parseBackup, type Backup } from '../data/backup';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import { sanitiseSettings, type Settings } from '../core/settings';
import { fetchFeed } from '../gateways/feeds';
import type { HttpDeps } from '../gateways/http';

export interface HousekeepingDeps {
  db: GlossDb;
  cache: CacheKeeper;
  http: HttpDeps;
  readSettings: () => Promise<Settings>;
  writeSettings: (settings: Settings) => Promise<void>;
  /** What the browser says the extension's storage uses, when it can say. */
  storageBytes: () => Promise<number | undefined>;
  now: () => number;
}

/** The options page's chores: settings, feeds, the cache's size and clearing it, backups. */
export function createHousekeeping({
  db,
  cache,
  http,
  readSettings,
  writeSettings,
  storageBytes,
  now,
}: HousekeepingDeps) {
  /**
   * Puts settings in force. Turning "In your reading" off deletes what it kept (the options page
   * asks first): off means nothing of the reader's history stays behind.
   */
  async function apply(next: Settings): Promise<Settings> {
    const before = await readSettings();
    await writeSettings(next);
    if (before.rememberReading && !next.rememberReading) await db.readings.clear();
    return next;
  }

  async function updateSettings(changes: Partial<Settings>): Promise<Settings> {
    // The same checks as a backup's settings pass (feeds bounded and http(s) only, and the rest).
    return apply(sanitiseSettings({ ...(await readSettings()), ...changes }));
  }

  async function checkFeed(
    url: string,
  ): Promise<Result<{ title: string; articles: number }, string>> {
    const answer = await fetchFeed(url.trim(), http);
    if (!answer.ok) return err(feedProblem(answer.error));
    return ok({ title: answer.value.title, articles: answer.value.articles.length });
  }

  async function stats() {
    const [entities, aliases, facts, related, bytes] = await Promise.all([
      db.entities.count(),
      db.aliases.count(),
      db.facts.count(),
      db.related.count(),
      storageBytes(),
    ]);
    return { entities, aliases, facts, related, ...(bytes !== undefined ? { bytes } : {}) };
  }

  async function exportData(): Promise<Backup> {
    const [settings, topics, choices] = await Promise.all([
      readSettings(),
      db.subscriptions.toArray(),
      db.choices.toArray(),
    ]);
    return makeBackup(settings, topics, choices, now());
  }

  /** Restores a backup: its settings replace the current ones; its topics and choices are added. */
  async function importData(
    text: string,
  ): Promise<Result<{ topics: number; choices: number }, string>> {
    const backup = parseBackup(text);
    if (!backup.ok) return backup;
    const { settings, topics, choices } = backup.value;
    await db.transaction('rw', db.subscriptions, db.choices, async () => {
      await db.subscriptions.bulkPut(topics);
      await db.choices.bulkPut(choices);
    });
    await apply(settings);
    return ok({ topics: topics.length, choices: choices.length });
  }

  return { updateSettings, checkFeed, stats, clearCache: cache.clear, exportData, importData };
}

/** Why a feed cannot be added, in the reader's words. */
function feedProblem(error: SourceError): string {
  if (error.kind === 'malformed' && error.detail.startsWith('a feed address'))
    return 'A feed address starts with http:// or https://.';
  return describeError(error, 'The feed');
}
