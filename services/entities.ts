import { normaliseAlias } from '../core/alias';
import {
  CARD_LIFETIME_MS,
  isAliasFresh,
  newLookupBudget,
  SEARCH_MATCH_SCORE,
  type LookupBudget,
} from '../core/cache-policy';
import type { EntitySummary, ResolvedName } from '../core/entity';
import type { Resolution } from '../core/mention-finding';
import type { SourceError } from '../core/errors';
import { keptUntilChanged } from '../core/memo';
import { isSearchable, isSpellingVariant } from '../core/resolution';
import { ok, type Result } from '../core/result';
import { createAliasMemo } from '../data/alias-memo';
import { createCacheKeeper } from '../data/cache-keeper';
import type { AliasRecord, GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { queryTitles, searchTitles, TITLES_PER_REQUEST } from '../gateways/mediawiki';
import { fetchSitelinks, type WikidataSite } from '../gateways/wikidata';
import { fetchSummary, type WikipediaSite } from '../gateways/wikipedia';
import {
  aliasId,
  keyOfTitle,
  sitelinkSite,
  titleOfKey,
  wikiOfKey,
  wikiOfLanguage,
} from '../core/wikis';
import { cacheFirst } from './cache-first';

export interface EntityServiceDeps {
  db: GlossDb;
  /** Settles when the database is seeded (the alias pack); lookups wait for it. */
  ready?: Promise<unknown>;
  http: HttpDeps;
  /** Where the Wikipedia in a language is (the stand-in's address in tests and the demo). */
  wikipedia: (wiki: string) => Promise<WikipediaSite>;
  /** The Wikipedia cards are shown from, in the reader's language. */
  cardWiki: () => Promise<string>;
  wikidata: () => Promise<WikidataSite>;
  now: () => number;
}

/**
 * From a page's names to articles, and from an article to its card: IndexedDB first, Wikipedia on a
 * miss, every answer (hit or miss, never a failure) remembered. Names are looked up 50 to a
 * request; a name several tabs ask about at once is looked up once.
 */
export function createEntityService({
  db,
  ready,
  http,
  wikipedia,
  cardWiki,
  wikidata,
  now,
}: EntityServiceDeps) {
  const cache = createCacheKeeper(db);
  // Read for every page, so kept in memory: the records of the names, and the reader's choices
  // for ambiguous names (a few dozen).
  const aliasRecords = createAliasMemo(db);
  const allChoices = keptUntilChanged(
    () => db.choices.toArray(),
    (forget) => db.onWrite('choices', forget),
  );
  /** Lookups under way, by alias, so concurrent pages share them. */
  const inFlight = new Map<string, Promise<AliasRecord | undefined>>();

  /**
   * Asks `wiki` about the given aliases (ids: `aliasId`), spelling searches within `budget`;
   * returns what it learnt (failures are left out), and stores it unless `remember` is false (a
   * private window).
   */
  async function lookUp(
    aliases: ReadonlyArray<{ alias: string; name: string; known?: AliasRecord }>,
    wiki: string,
    budget: LookupBudget,
    remember: boolean,
  ): Promise<Map<string, AliasRecord>> {
    const site = await wikipedia(wiki);
    const learnt = new Map<string, AliasRecord>();
    const searchable: (typeof aliases)[number][] = [];
    const at = now();
    const from = (entry: { known?: AliasRecord }) =>
      entry.known?.source === 'pack' ? 'pack' : 'wikipedia';

    for (let index = 0; index < aliases.length; index += TITLES_PER_REQUEST) {
      const batch = aliases.slice(index, index + TITLES_PER_REQUEST);
      // A pack entry asks for its title ("Burma" → "Myanmar"); anything else for the name itself.
      const titleOf = (entry: (typeof batch)[number]) => entry.known?.title ?? entry.name;
      const answer = await queryTitles([...new Set(batch.map(titleOf))], site, http);
      if (!answer.ok) {
        // Wikipedia asks clients to back off when busy; nothing is stored for a failure.
        if (answer.error.kind === 'rate-limited') break;
        continue;
      }
      for (const entry of batch) {
        const outcome = answer.value.get(titleOf(entry));
        if (!outcome) continue;
        const base = { alias: entry.alias, source: from(entry), score: 1, checkedAt: at } as const;
        if (outcome.kind === 'article') {
          learnt.set(entry.alias, {
            ...base,
            outcome: 'found',
            key: keyOfTitle(wiki, outcome.title),
            title: outcome.title,
            ...(outcome.wikidataId ? { wikidataId: outcome.wikidataId } : {}),
            ...(outcome.description ? { description: outcome.description } : {}),
          });
        } else if (outcome.kind === 'disambiguation') {
          learnt.set(entry.alias, {
            ...base,
            outcome: 'ambiguous',
            key: null,
            title: outcome.title,
          });
        } else if (isSearchable(entry.name) && budget.searches > 0) {
          budget.searches -= 1;
          searchable.push(entry);
        } else {
          learnt.set(entry.alias, { ...base, outcome: 'missing', key: null });
        }
      }
    }

    // Names with no exact title may be spelt another way: "Sergei Shoygu" is "Sergei Shoigu".
    for (const entry of searchable) {
      const answer = await searchTitles(entry.name, site, http);
      if (!answer.ok) {
        if (answer.error.kind === 'rate-limited') break;
        continue;
      }
      const title = answer.value.find((candidate) => isSpellingVariant(entry.name, candidate));
      learnt.set(
        entry.alias,
        title
          ? {
              alias: entry.alias,
              outcome: 'found',
              key: keyOfTitle(wiki, title),
              title,
              source: 'search',
              score: SEARCH_MATCH_SCORE,
              checkedAt: at,
            }
          : {
              alias: entry.alias,
              outcome: 'missing',
              key: null,
              source: 'wikipedia',
              score: 1,
              checkedAt: at,
            },
      );
    }
    if (remember && learnt.size > 0)
      await cache.store(() => aliasRecords.bulkPut([...learnt.values()]));
    return learnt;
  }

  /**
   * The found records among `records` that name an article on another wiki than the cards', with
   * the card wiki's title of the same subject added where Wikidata knows it (stored unless
   * `remember` is false). A record Wikidata could not be asked about comes back as it was.
   */
  async function withSitelinks(
    records: readonly AliasRecord[],
    cards: string,
    remember: boolean,
  ): Promise<Map<string, AliasRecord>> {
    const items = [...new Set(records.flatMap((record) => record.wikidataId ?? []))];
    const titles = new Map<string, string | null>();
    for (let index = 0; index < items.length; index += TITLES_PER_REQUEST) {
      const answer = await fetchSitelinks(
        items.slice(index, index + TITLES_PER_REQUEST),
        sitelinkSite(cards),
        await wikidata(),
        http,
      );
      if (!answer.ok) break;
      for (const [item, title] of answer.value) titles.set(item, title);
    }
    const linked = new Map<string, AliasRecord>();
    for (const record of records) {
      const title = record.wikidataId ? titles.get(record.wikidataId) : undefined;
      linked.set(
        record.alias,
        title === undefined
          ? record
          : { ...record, sitelinks: { ...record.sitelinks, [cards]: title } },
      );
    }
    const learnt = [...linked.values()].filter((record) => !records.includes(record));
    if (remember && learnt.length > 0) await cache.store(() => aliasRecords.bulkPut(learnt));
    return linked;
  }

  /** Whether a record names an article on another wiki whose card wiki's title is not known yet. */
  const needsSitelink = (record: AliasRecord | undefined, cards: string) =>
    record?.outcome === 'found' &&
    record.key !== null &&
    record.wikidataId !== undefined &&
    wikiOfKey(record.key) !== cards &&
    record.sitelinks?.[cards] === undefined;

  /**
   * What a record makes of a name on `wiki`'s pages for cards from `cards`, if anything: its
   * article, the card wiki's one on the same subject, or the disambiguation page to choose from.
   */
  function meaningOf(
    name: string,
    record: AliasRecord | undefined,
    wiki: string,
    cards: string,
  ): ResolvedName | undefined {
    if (record?.outcome === 'found' && record.key) {
      const found: ResolvedName = {
        key: record.key,
        title: record.title ?? titleOfKey(record.key),
        ...(record.wikidataId ? { wikidataId: record.wikidataId } : {}),
      };
      if (wiki === cards) return found;
      const title = record.sitelinks?.[cards];
      const original = { key: found.key, title: found.title };
      return title
        ? { ...found, key: keyOfTitle(cards, title), title, original }
        : { ...found, original };
    }
    // A disambiguation page offers its wiki's meanings, and a choice is kept as one of the card
    // wiki's articles: only the card wiki's names are offered to choose from.
    if (record?.outcome === 'ambiguous' && record.title && wiki === cards)
      return { key: keyOfTitle(wiki, record.title), title: record.title, ambiguous: { name } };
    return undefined;
  }

  /**
   * Resolves a page's names to articles; names that are no article (or not known yet) are left
   * out. They are looked up on the Wikipedia of the page's language `lang` (the card wiki's when
   * Gloss reads none in it), and a name found on another wiki than the cards' is shown by the card
   * wiki's article on the same subject. An ambiguous name resolves to the meaning the reader chose
   * on this site, or else to its disambiguation page, marked `ambiguous` so its card offers the
   * choices. What the cache knows is answered at once; names that must be looked up come in
   * `later` (a page's known names are marked without waiting for Wikipedia). Look-ups are spent
   * from `budget`, one document's for its whole life; from a private window (`remember` false)
   * nothing learnt is stored.
   */
  async function resolveNamesInSteps(
    names: readonly string[],
    onSite = '',
    budget: LookupBudget = newLookupBudget(),
    remember = true,
    lang?: string,
  ): Promise<Resolution> {
    const cards = await cardWiki();
    const wiki = wikiOfLanguage(lang) ?? cards;
    const byAlias = new Map<string, string>();
    for (const name of names) {
      const alias = normaliseAlias(name);
      if (alias && !byAlias.has(alias)) byAlias.set(alias, name);
    }
    const aliases = [...byAlias.keys()];
    await ready;
    // One round of reads: a reader follows a handful of topics, so all their keys come along.
    const [records, chosen] = await Promise.all([
      aliasRecords.bulkGet(aliases.map((alias) => aliasId(wiki, alias))),
      allChoices(),
    ]);
    const choices = new Map(
      chosen.flatMap((choice) => (choice.site === onSite ? [[choice.alias, choice]] : [])),
    );
    const resolved: Record<string, ResolvedName> = {};
    const use = (name: string, record: AliasRecord | undefined) => {
      const choice = choices.get(normaliseAlias(name));
      const meaning = choice
        ? { key: choice.key, title: choice.title }
        : meaningOf(name, record, wiki, cards);
      if (meaning) resolved[name] = meaning;
    };

    const waiting: Promise<void>[] = [];
    const pending = new Set<string>();
    const mine: Array<{ alias: string; name: string; known?: AliasRecord }> = [];
    const unlinked: Array<{ name: string; record: AliasRecord }> = [];
    aliases.forEach((alias, index) => {
      const name = byAlias.get(alias)!;
      const id = aliasId(wiki, alias);
      const record = records[index];
      if (record && isAliasFresh(record, now())) {
        if (!needsSitelink(record, cards)) return use(name, record);
        pending.add(name);
        return unlinked.push({ name, record });
      }
      const asked = inFlight.get(id);
      if (asked) {
        pending.add(name);
        waiting.push(asked.then((found) => use(name, found)));
      } else if (budget.titles > 0) {
        budget.titles -= 1;
        pending.add(name);
        mine.push({ alias: id, name, ...(record ? { known: record } : {}) });
      }
    });

    if (unlinked.length > 0) {
      waiting.push(
        withSitelinks(
          unlinked.map(({ record }) => record),
          cards,
          remember,
        ).then((linked) => {
          for (const { name, record } of unlinked) use(name, linked.get(record.alias));
        }),
      );
    }
    if (mine.length > 0) {
      const lookup = lookUp(mine, wiki, budget, remember).then(async (learnt) => {
        const found = [...learnt.values()].filter((record) => needsSitelink(record, cards));
        if (found.length === 0) return learnt;
        for (const [id, record] of await withSitelinks(found, cards, remember))
          learnt.set(id, record);
        return learnt;
      });
      for (const { alias } of mine) {
        const asked = lookup.then(
          (learnt) => learnt.get(alias),
          () => undefined,
        );
        inFlight.set(alias, asked);
        void asked.finally(() => inFlight.delete(alias));
      }
      waiting.push(
        lookup.then((learnt) => {
          for (const { alias, name } of mine) use(name, learnt.get(alias));
        }),
      );
    }
    if (waiting.length === 0) return { resolved };
    return {
      resolved: { ...resolved },
      later: { names: pending, resolved: Promise.all(waiting).then(() => resolved) },
    };
  }

  /** Every name's meaning, once the names the cache does not know are looked up. */
  async function resolveNames(
    names: readonly string[],
    onSite = '',
    lang?: string,
  ): Promise<Record<string, ResolvedName>> {
    const { resolved, later } = await resolveNamesInSteps(
      names,
      onSite,
      newLookupBudget(),
      true,
      lang,
    );
    return later ? later.resolved : resolved;
  }

  async function fetchCard(key: string): Promise<Result<EntitySummary, SourceError>> {
    const answer = await fetchSummary(titleOfKey(key), await wikipedia(wikiOfKey(key)), http);
    if (!answer.ok) return answer;
    const at = now();
    const record = { summary: answer.value, fetchedAt: at, lastUsedAt: at };
    // Stored under the key asked for, and under the summary's own if a rename moved the article.
    await cache.store(() =>
      db.entities.bulkPut([
        { key, ...record },
        ...(answer.value.key !== key ? [{ key: answer.value.key, ...record }] : []),
      ]),
    );
    return ok(answer.value);
  }

  /** The card for an article: from IndexedDB when it is there (refreshed after a week), else fetched. */
  const getCard = cacheFirst({
    read: async (key: string) => {
      const stored = await db.entities.get(key);
      if (!stored) return undefined;
      // Least recently used cards are the first evicted when the cache is full.
      await db.entities.update(key, { lastUsedAt: now() });
      return { value: stored.summary, fetchedAt: stored.fetchedAt };
    },
    fetchAndStore: fetchCard,
    keyOf: (key) => key,
    lifetimeMs: CARD_LIFETIME_MS,
    now,
  });

  async function stats() {
    return { entities: await db.entities.count(), aliases: await db.aliases.count() };
  }

  return { resolveNamesInSteps, resolveNames, getCard, stats };
}

export type EntityService = ReturnType<typeof createEntityService>;
