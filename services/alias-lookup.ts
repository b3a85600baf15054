/**
 * Asking the sources what names mean, without storing anything: Wikipedia for the articles of a
 * batch of names (exact titles, then spelling searches), Wikidata for the same subjects' articles
 * on the card wiki. The name resolver (name-resolution.ts) decides what to ask and keeps the answers.
 */
import { SEARCH_MATCH_SCORE, type LookupBudget } from '../core/cache-policy';
import { isSearchable, isSpellingVariant } from '../core/resolution';
import { keyOfTitle, sitelinkSite } from '../core/wikis';
import type { AliasRecord } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import {
  queryTitles,
  searchTitles,
  TITLES_PER_REQUEST,
  type TitleOutcome,
} from '../gateways/mediawiki';
import { fetchSitelinks, type WikidataSite } from '../gateways/wikidata';
import type { WikipediaSite } from '../gateways/wikipedia';

/** A name to ask about: its record's id (`aliasId`), as the page writes it, and what is known of it. */
export interface AliasToAsk {
  alias: string;
  name: string;
  known?: AliasRecord;
}

/** What an exact title's outcome makes of a name; undefined when only a search can tell. */
function recordOf(
  entry: AliasToAsk,
  outcome: TitleOutcome,
  wiki: string,
  checkedAt: number,
): AliasRecord | undefined {
  const source = entry.known?.source === 'pack' ? 'pack' : 'wikipedia';
  const base = { alias: entry.alias, source, score: 1, checkedAt } as const;
  if (outcome.kind === 'article')
    return {
      ...base,
      outcome: 'found',
      key: keyOfTitle(wiki, outcome.title),
      title: outcome.title,
      ...(outcome.wikidataId ? { wikidataId: outcome.wikidataId } : {}),
      ...(outcome.description ? { description: outcome.description } : {}),
    };
  if (outcome.kind === 'disambiguation')
    return { ...base, outcome: 'ambiguous', key: null, title: outcome.title };
  return undefined;
}

/**
 * Asks `site` about the names, 50 titles a request, then searches the spelling of those with no
 * exact title within `budget`. Answers what it learnt by record id; failures are left out, and a
 * busy Wikipedia (429) ends the asking.
 */
export async function lookUpAliases(
  aliases: readonly AliasToAsk[],
  site: WikipediaSite,
  http: HttpDeps,
  budget: LookupBudget,
  checkedAt: number,
): Promise<Map<string, AliasRecord>> {
  const learnt = new Map<string, AliasRecord>();
  const missing = (entry: AliasToAsk): AliasRecord => ({
    alias: entry.alias,
    outcome: 'missing',
    key: null,
    source: 'wikipedia',
    score: 1,
    checkedAt,
  });
  const searchable: AliasToAsk[] = [];
  for (let index = 0; index < aliases.length; index += TITLES_PER_REQUEST) {
    const batch = aliases.slice(index, index + TITLES_PER_REQUEST);
    // A pack entry asks for its title ("Burma" → "Myanmar"); anything else for the name itself.
    const titleOf = (entry: AliasToAsk) => entry.known?.title ?? entry.name;
    const answer = await queryTitles([...new Set(batch.map(titleOf))], site, http);
    if (!answer.ok) {
      if (answer.error.kind === 'rate-limited') break;
      continue;
    }
    for (const entry of batch) {
      const outcome = answer.value.get(titleOf(entry));
      if (!outcome) continue;
      const record = recordOf(entry, outcome, site.lang, checkedAt);
      if (record) learnt.set(entry.alias, record);
      else if (isSearchable(entry.name) && budget.searches > 0) {
        budget.searches -= 1;
        searchable.push(entry);
      } else learnt.set(entry.alias, missing(entry));
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
            key: keyOfTitle(site.lang, title),
            title,
            source: 'search',
            score: SEARCH_MATCH_SCORE,
            checkedAt,
          }
        : missing(entry),
    );
  }
  return learnt;
}

/**
 * The records with the title of the same subject's article on the card wiki `cards` added from
 * Wikidata's sitelinks (null where it has none), 50 items a request. A record Wikidata could not
 * be asked about comes back as it was.
 */
export async function withSitelinks(
  records: readonly AliasRecord[],
  cards: string,
  site: WikidataSite,
  http: HttpDeps,
): Promise<AliasRecord[]> {
  const items = [...new Set(records.flatMap((record) => record.wikidataId ?? []))];
  const titles = new Map<string, string | null>();
  for (let index = 0; index < items.length; index += TITLES_PER_REQUEST) {
    const slice = items.slice(index, index + TITLES_PER_REQUEST);
    const answer = await fetchSitelinks(slice, sitelinkSite(cards), site, http);
    if (!answer.ok) break;
    for (const [item, title] of answer.value) titles.set(item, title);
  }
  return records.map((record) => {
    const title = record.wikidataId ? titles.get(record.wikidataId) : undefined;
    return title === undefined
      ? record
      : { ...record, sitelinks: { ...record.sitelinks, [cards]: title } };
  });
}
