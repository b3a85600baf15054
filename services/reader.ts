import { normaliseAlias } from '../core/alias';
import type { Choice, ReadingEntry, ResolvedName } from '../core/entity';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { isWellFormed, safeHttpUrl, withoutQuery } from '../core/text';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { fetchChoices } from '../gateways/mediawiki';
import type { WikipediaSite } from '../gateways/wikipedia';
import { aliasId, canonicalTitle, keyOfTitle } from '../core/wikis';

export interface ReaderServiceDeps {
  db: GlossDb;
  /** Writes the cache within its limits (data/cache-keeper.ts): one for the whole background. */
  cache: CacheKeeper;
  http: HttpDeps;
  site: () => Promise<WikipediaSite>;
  /** Whether the reader lets Gloss remember where entities were read ("In your reading"). */
  remembersReading: () => Promise<boolean>;
  now: () => number;
}

/** Earlier pages a card lists under "In your reading". */
export const READING_ON_CARD = 3;

/**
 * Pages' entity notes one site may keep, and one page may add: a site that reloads itself under a
 * thousand addresses, or names ten thousand entities, pushes out its own oldest notes, never the
 * reading the reader did elsewhere.
 */
export const MAX_READINGS_PER_SITE = 400;
export const MAX_READINGS_PER_PAGE = 100;

/** Page titles are cut to this: a card line, not the page's whole <title>. */
const MAX_PAGE_TITLE = 200;

/**
 * What belongs to the reader rather than to the sources: meanings chosen for ambiguous names (per
 * site), and the pages where entities were read. All of it stays on this device.
 *
 * Long as a whole because it is a factory: its functions share the database and the settings they
 * obey, and each of them is short.
 */
export function createReaderService({
  db,
  cache,
  http,
  site,
  remembersReading,
  now,
}: ReaderServiceDeps) {
  /**
   * The meanings a disambiguation page offers, fetched once and kept with the name's alias, and
   * the page's own address for "all meanings".
   */
  async function getChoices(
    name: string,
    disambiguationTitle: string,
  ): Promise<Result<{ choices: Choice[]; pageUrl: string }, SourceError>> {
    if (!isWellFormed(disambiguationTitle))
      return err({ kind: 'malformed', detail: 'the title is not text' });
    const where = await site();
    const pageUrl = `${where.origin}/wiki/${encodeURIComponent(canonicalTitle(disambiguationTitle))}`;
    const alias = aliasId(where.lang, normaliseAlias(name));
    const record = await db.aliases.get(alias);
    if (record?.choices) return ok({ choices: record.choices, pageUrl });
    const answer = await fetchChoices(disambiguationTitle, where, http);
    if (!answer.ok) return answer;
    if (record) await cache.store(() => db.aliases.update(alias, { choices: answer.value }));
    return ok({ choices: answer.value, pageUrl });
  }

  /** Remembers the reader's meaning for a name on a site; pages there mark it so from now on. */
  /** What a chosen meaning's article is, without remembering the choice (a private window). */
  async function meaningOf(_name: string, title: string): Promise<ResolvedName> {
    const { lang } = await site();
    return { key: keyOfTitle(lang, title), title };
  }

  async function choose(siteName: string, name: string, title: string): Promise<ResolvedName> {
    const { key } = await meaningOf(name, title);
    await db.choices.put({
      site: siteName,
      alias: normaliseAlias(name),
      key,
      title,
      chosenAt: now(),
    });
    return { key, title };
  }

  /** Forgets a meaning the reader chose: the name is looked up as anyone's again on that site. */
  async function forgetChoice(siteName: string, alias: string): Promise<void> {
    await db.choices.delete([siteName, alias]);
  }

  /** What the card shows of the reader's own: whether they follow the entity, and where they read of it. */
  async function getReaderData(
    key: string,
    pageUrl: string,
  ): Promise<{ subscribed: boolean; reading: ReadingEntry[] | null }> {
    const [subscription, remembers] = await Promise.all([
      db.subscriptions.get(key),
      remembersReading(),
    ]);
    const reading = remembers
      ? (await db.readings.where('key').equals(key).toArray())
          // Pages are noted without their query and fragment: this one is compared the same way.
          .filter((entry) => entry.url !== withoutQuery(pageUrl))
          .sort((a, b) => b.seenAt - a.seenAt)
          .slice(0, READING_ON_CARD)
          .map(({ url, title, seenAt }) => ({ url, title, seenAt }))
      : null;
    return { subscribed: subscription !== undefined, reading };
  }

  /** Notes that a page mentions these entities (when the reader allows it). */
  async function noteReading(page: { url: string; title: string }, keys: string[]): Promise<void> {
    const url = safeHttpUrl(page.url);
    if (!url || keys.length === 0 || !(await remembersReading())) return;
    // The fragment and query often only track the visit (or say who the reader is): the page is
    // the same without them.
    const bare = withoutQuery(url);
    const site = new URL(bare).hostname;
    const title = page.title.trim().slice(0, MAX_PAGE_TITLE) || site;
    const seenAt = now();
    const notes = [...new Set(keys)]
      .slice(0, MAX_READINGS_PER_PAGE)
      .map((key) => ({ key, url: bare, title, seenAt, site }));
    await cache.store(() =>
      db.transaction('rw', db.readings, async () => {
        await db.readings.bulkPut(notes);
        const ofSite = db.readings.where('site').equals(site);
        const over = (await ofSite.count()) - MAX_READINGS_PER_SITE;
        if (over <= 0) return;
        const oldest = (await ofSite.sortBy('seenAt')).slice(0, over);
        await db.readings.bulkDelete(oldest.map((note) => [note.key, note.url]));
      }),
    );
  }

  /** Forgets every page remembered for "In your reading". */
  async function clearReading(): Promise<void> {
    await db.readings.clear();
  }

  return {
    getChoices,
    choose,
    forgetChoice,
    meaningOf,
    getReaderData,
    noteReading,
    clearReading,
  };
}

export type ReaderService = ReturnType<typeof createReaderService>;
