import { AliasMatcher } from '../core/alias-matcher';
import { joinIndexes, type NameIndex } from '../core/name-index';
import { packNames } from '../core/name-spotting';
import type { GlossDb } from '../data/db';

/**
 * Where a site's learnt names are kept (`learntNames:<site>` in the meta table), and the list of
 * sites with when each last taught a name. The index that once held every site's names together
 * (`knownNames`) is deleted: it let any page find names learnt on others.
 */
const SITE_RECORD = 'learntNames:';
const SITES_RECORD = 'learntNameSites';
const OLD_SHARED_RECORD = 'knownNames';
/**
 * Names one site may teach: a reader's visits to a news site name a few thousand at most, and a
 * page built to flood Gloss fills only its own site's share.
 */
export const MAX_NAMES_PER_SITE = 3_000;
/** Sites whose names are kept; past this the one that taught a name longest ago is forgotten. */
export const MAX_SITES = 300;
/** Sites whose matchers stay in memory, the most recently read first. */
const SITES_IN_MEMORY = 12;
/** Learnt names are written at most this often: one write for a page's batches, not one each. */
export const SAVE_AFTER_MS = 5_000;

export interface KnownNamesDeps {
  db: GlossDb;
  now?: () => number;
  schedule?: (run: () => void, ms: number) => unknown;
}

interface SiteNames {
  names: Set<string>;
  matcher: AliasMatcher;
}

/**
 * The known names the background reads pages with: the bundled pack's, the same for everyone, and
 * the names each site's pages spelt and Wikipedia confirmed, read only on that site. What one site
 * taught never changes what another site's pages see marked, so no page can probe the reader's
 * reading elsewhere by the names Gloss finds.
 */
export function createKnownNames({ db, now = Date.now, schedule = setTimeout }: KnownNamesDeps) {
  let pack: AliasMatcher | undefined;
  const loaded = new Map<string, Promise<SiteNames>>();
  const unsaved = new Set<string>();
  let saving = false;
  const forgetShared = db.meta.delete(OLD_SHARED_RECORD).catch(() => undefined);

  async function load(site: string): Promise<SiteNames> {
    await forgetShared;
    let names: string[] = [];
    try {
      const value = (await db.meta.get(SITE_RECORD + site))?.value;
      if (Array.isArray(value)) names = value.filter((name) => typeof name === 'string');
    } catch (error) {
      console.warn('Gloss reads this site without the names it learnt here:', error);
    }
    return { names: new Set(names), matcher: AliasMatcher.build(names) };
  }

  /** A site's names, loaded on first use and kept while the site is among the recent ones. */
  function siteNames(site: string): Promise<SiteNames> {
    let entry = loaded.get(site);
    if (entry) loaded.delete(site);
    else entry = load(site);
    loaded.set(site, entry);
    for (const old of loaded.keys()) {
      if (loaded.size <= SITES_IN_MEMORY) break;
      if (!unsaved.has(old)) loaded.delete(old);
    }
    return entry;
  }

  /** The index for `site`'s pages: the pack's names and the site's own. */
  async function matcher(site: string): Promise<NameIndex> {
    pack ??= AliasMatcher.build(packNames());
    const own = await siteNames(site);
    return own.names.size > 0 ? joinIndexes(pack, own.matcher) : pack;
  }

  async function save(): Promise<void> {
    const sites = [...unsaved];
    unsaved.clear();
    const stamps = { ...((await db.meta.get(SITES_RECORD))?.value as Record<string, number>) };
    const records = await Promise.all(
      sites.map(async (site) => {
        stamps[site] = now();
        return { name: SITE_RECORD + site, value: [...(await siteNames(site)).names] };
      }),
    );
    const forgotten = Object.keys(stamps)
      .sort((a, b) => stamps[b]! - stamps[a]!)
      .slice(MAX_SITES);
    for (const site of forgotten) {
      delete stamps[site];
      loaded.delete(site);
    }
    await db.transaction('rw', db.meta, async () => {
      await db.meta.bulkPut([...records, { name: SITES_RECORD, value: stamps }]);
      await db.meta.bulkDelete(forgotten.map((site) => SITE_RECORD + site));
    });
  }

  function saveSoon(): void {
    if (saving) return;
    saving = true;
    schedule(() => {
      saving = false;
      save().catch((error: unknown) =>
        console.warn('Gloss could not keep its known names:', error),
      );
    }, SAVE_AFTER_MS);
  }

  /** Adds names a page of `site` spelt and Wikipedia confirmed; kept a few seconds later. */
  async function learn(site: string, names: Iterable<string>): Promise<void> {
    const own = await siteNames(site);
    pack ??= AliasMatcher.build(packNames());
    const before = own.names.size;
    for (const name of names) {
      if (own.names.size >= MAX_NAMES_PER_SITE) break;
      if (own.names.has(name) || spellsWhole(pack, name)) continue;
      own.names.add(name);
      own.matcher.add(name);
    }
    if (own.names.size === before) return;
    unsaved.add(site);
    saveSoon();
  }

  return { matcher, learn };
}

/** Whether `index` knows `name` as it is written, whole. */
function spellsWhole(index: NameIndex, name: string): boolean {
  const [match, ...more] = index.find(name);
  return !!match && more.length === 0 && match.start === 0 && match.end === name.length;
}
