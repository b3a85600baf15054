import { normaliseAlias } from '../core/alias';
import {
  isAliasFresh,
  newLookupBudget,
  refillTitles,
  type LookupBudget,
} from '../core/cache-policy';
import type { ResolvedName } from '../core/entity';
import type { Resolution } from '../core/mention-finding';
import { keptUntilChanged } from '../core/memo';
import { aliasId, keyOfTitle, titleOfKey, wikiOfKey, wikiOfLanguage } from '../core/wikis';
import { createAliasMemo } from '../data/alias-memo';
import type { CacheKeeper } from '../data/cache-keeper';
import type { AliasRecord, GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import type { WikidataSite } from '../gateways/wikidata';
import type { WikipediaSite } from '../gateways/wikipedia';
import { lookUpAliases, withSitelinks, type AliasToAsk } from './alias-lookup';

export interface NameResolverDeps {
  db: GlossDb;
  cache: CacheKeeper;
  /** Settles when the database is seeded (the alias pack); lookups wait for it. */
  ready?: Promise<unknown>;
  http: HttpDeps;
  /** Where the Wikipedia in a language is (the stand-in's address in tests and the demo). */
  wikipedia: (wiki: string) => Promise<WikipediaSite>;
  /** The Wikipedia cards are shown from, in the reader's language. */
  cardWiki: () => Promise<string>;
  wikidata: () => Promise<WikidataSite>;
  /**
   * Whether the reader lets Gloss ask Wikidata; off, a name found on another wiki than the cards'
   * shows that wiki's article.
   */
  useWikidata?: () => Promise<boolean>;
  now: () => number;
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
 * Sites a name's record remembers as having taught it; past this the one that taught it longest
 * ago is dropped (and asks again when it next shows the name).
 */
const MAX_SITES_PER_NAME = 64;

/** `sites` with `site` as the latest to teach the name. */
function withSite(sites: readonly string[] | undefined, site: string): string[] {
  return [...(sites ?? []).filter((other) => other !== site), site].slice(-MAX_SITES_PER_NAME);
}

/** Each name once by its normalised form, as the page first wrote it. */
function byAliasOf(names: readonly string[]): Map<string, string> {
  const byAlias = new Map<string, string>();
  for (const name of names) {
    const alias = normaliseAlias(name);
    if (alias && !byAlias.has(alias)) byAlias.set(alias, name);
  }
  return byAlias;
}

/**
 * From a page's names to the articles they mean: IndexedDB first, Wikipedia on a miss, every answer
 * (hit or miss, never a failure) remembered. Names are looked up 50 to a request; a name several
 * tabs ask about at once is looked up once.
 *
 * Long as a whole because it is a factory: its functions share the memory of names and the
 * look-ups under way; the asking itself is alias-lookup.ts's.
 */
export function createNameResolver(deps: NameResolverDeps) {
  const { db, cache, ready, http, wikipedia, cardWiki, wikidata, now } = deps;
  const useWikidata = deps.useWikidata ?? (async () => true);
  // Read for every page, so kept in memory: the records of the names, and the reader's choices
  // for ambiguous names (a few dozen).
  const aliasRecords = createAliasMemo(db);
  const allChoices = keptUntilChanged(
    () => db.choices.toArray(),
    (forget) => db.onWrite('choices', forget),
  );
  /** Lookups under way, by record id, so concurrent pages share them. */
  const inFlight = new Map<string, Promise<AliasRecord | undefined>>();

  /** Keeps what was learnt, unless from a private window. */
  async function keep(records: readonly AliasRecord[], remember: boolean): Promise<void> {
    if (remember && records.length > 0) await cache.store(() => aliasRecords.bulkPut(records));
  }

  /**
   * The records with the card wiki's titles added where they need them (Wikidata's sitelinks),
   * and those that changed.
   */
  async function withCardTitles(records: readonly AliasRecord[], cards: string) {
    const needing = records.filter((record) => needsSitelink(record, cards));
    if (needing.length === 0 || !(await useWikidata())) return { records, changed: [] };
    const found = await withSitelinks(needing, cards, await wikidata(), http);
    const changed = found.filter((record, index) => record !== needing[index]);
    const byId = new Map(changed.map((record) => [record.alias, record]));
    return { records: records.map((record) => byId.get(record.alias) ?? record), changed };
  }

  /** Asks `wiki` about names not known yet, then the card wiki's titles; keeps what it learnt. */
  async function lookUp(
    aliases: readonly AliasToAsk[],
    wiki: string,
    cards: string,
    budget: LookupBudget,
    remember: boolean,
    taughtHere: (record: AliasRecord) => AliasRecord,
  ): Promise<Map<string, AliasRecord>> {
    const asked = await lookUpAliases(aliases, await wikipedia(wiki), http, budget, now());
    const { records: answered } = await withCardTitles([...asked.values()], cards);
    const records = answered.map(taughtHere);
    await keep(records, remember);
    return new Map(records.map((record) => [record.alias, record]));
  }

  /**
   * Resolves a page's names to articles; names that are no article (or not known yet) are left
   * out. They are looked up on the Wikipedia of the page's language `lang` (the card wiki's when
   * Gloss reads none in it), and a name found on another wiki than the cards' is shown by the card
   * wiki's article on the same subject. An ambiguous name resolves to the meaning the reader chose
   * on this site, or else to its disambiguation page, marked `ambiguous` so its card offers the
   * choices. What the cache knows is answered at once, but only what pages of `onSite` taught it:
   * another site's answer is asked again like a name never met, so a page cannot tell what the
   * reader read elsewhere by how fast, or whether, a name is marked. Names that must be looked up
   * come in `later` (a site's known names are marked without waiting for Wikipedia). Look-ups are
   * spent from `budget`, the site's in its tab (earned back slowly); from a private window
   * (`remember` false) nothing learnt is stored.
   */
  async function resolveNamesInSteps(
    names: readonly string[],
    onSite = '',
    budget: LookupBudget = newLookupBudget(now()),
    remember = true,
    lang?: string,
  ): Promise<Resolution> {
    const cards = await cardWiki();
    const wiki = wikiOfLanguage(lang) ?? cards;
    const byAlias = byAliasOf(names);
    await ready;
    // One round of reads: a reader follows a handful of topics, so all their keys come along.
    const [records, chosen] = await Promise.all([
      aliasRecords.bulkGet([...byAlias.keys()].map((alias) => aliasId(wiki, alias))),
      allChoices(),
    ]);
    const choices = new Map(
      chosen.flatMap((choice) => (choice.site === onSite ? [[choice.alias, choice]] : [])),
    );
    const resolved: Record<string, ResolvedName> = {};
    refillTitles(budget, now());
    const use = (name: string, record: AliasRecord | undefined) => {
      const choice = choices.get(normaliseAlias(name));
      const meaning = choice
        ? { key: choice.key, title: choice.title }
        : meaningOf(name, record, wiki, cards);
      if (meaning) resolved[name] = meaning;
    };

    const waiting: Promise<void>[] = [];
    /** The sites that taught the names asked again, to add this one to. */
    const sitesBefore = new Map<string, readonly string[]>();
    const pending = new Set<string>();
    const toAsk: AliasToAsk[] = [];
    const unlinked: Array<{ name: string; record: AliasRecord }> = [];
    [...byAlias].forEach(([alias, name], index) => {
      const id = aliasId(wiki, alias);
      const record = records[index];
      const taught = record && (onSite === '' || record.sites?.includes(onSite));
      if (record && taught && isAliasFresh(record, now())) {
        if (!needsSitelink(record, cards)) return use(name, record);
        pending.add(name);
        return unlinked.push({ name, record });
      }
      // Look-ups are shared by the pages of one site only: another site's would answer sooner.
      const asked = inFlight.get(`${onSite}\n${id}`);
      if (asked) {
        pending.add(name);
        waiting.push(asked.then((found) => use(name, found)));
      } else if (budget.titles > 0) {
        budget.titles -= 1;
        pending.add(name);
        // What another site taught is asked again as if never met, but for the bundled pack's
        // title ("Burma" is asked as "Myanmar" everywhere).
        const known = record && (taught || record.source === 'pack') ? record : undefined;
        toAsk.push({ alias: id, name, ...(known ? { known } : {}) });
        if (record?.sites) sitesBefore.set(id, record.sites);
      }
    });
    if (unlinked.length > 0)
      waiting.push(
        withCardTitles(
          unlinked.map(({ record }) => record),
          cards,
        ).then(async ({ records: found, changed }) => {
          await keep(changed, remember);
          unlinked.forEach(({ name }, index) => use(name, found[index]));
        }),
      );
    if (toAsk.length > 0) waiting.push(askAndUse(toAsk));
    if (waiting.length === 0) return { resolved };
    return {
      resolved: { ...resolved },
      later: { names: pending, resolved: Promise.all(waiting).then(() => resolved) },
    };

    /** Looks the names up once for every page that asks meanwhile, and uses the answers. */
    function askAndUse(aliases: AliasToAsk[]): Promise<void> {
      const taughtHere = (record: AliasRecord): AliasRecord =>
        onSite === ''
          ? record
          : { ...record, sites: withSite(sitesBefore.get(record.alias), onSite) };
      const lookup = lookUp(aliases, wiki, cards, budget, remember, taughtHere);
      for (const { alias } of aliases) {
        const asked = lookup.then(
          (learnt) => learnt.get(alias),
          () => undefined,
        );
        const flight = `${onSite}\n${alias}`;
        inFlight.set(flight, asked);
        void asked.finally(() => inFlight.delete(flight));
      }
      return lookup.then((learnt) => {
        for (const { alias, name } of aliases) use(name, learnt.get(alias));
      });
    }
  }

  return { resolveNamesInSteps };
}

export type NameResolver = ReturnType<typeof createNameResolver>;
