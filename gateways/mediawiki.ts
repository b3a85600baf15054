import type { Choice } from '../core/entity';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { getJson, type HttpDeps } from './http';
import { asList as list, asRecord as record, asText as text } from './json';
import type { WikipediaSite } from './wikipedia';

/** The MediaWiki action API takes at most 50 titles in one request (for clients without bot rights). */
export const TITLES_PER_REQUEST = 50;

/** What Wikipedia says one asked-for title is. */
export type TitleOutcome =
  | { kind: 'article'; title: string; wikidataId?: string; description?: string }
  | { kind: 'disambiguation'; title: string }
  | { kind: 'missing' };

function apiUrl(site: WikipediaSite, params: Record<string, string>): string {
  // origin=* lets a browser read the answer without credentials (the API's CORS rule).
  const query = new URLSearchParams({ format: 'json', formatversion: '2', origin: '*', ...params });
  return `${site.origin}/w/api.php?${query.toString()}`;
}

/**
 * Looks up to 50 titles at once, following redirects and telling disambiguation pages apart,
 * with each article's Wikidata id and short description.
 */
export async function queryTitles(
  titles: readonly string[],
  site: WikipediaSite,
  deps: HttpDeps,
): Promise<Result<Map<string, TitleOutcome>, SourceError>> {
  if (titles.length > TITLES_PER_REQUEST)
    throw new RangeError(`at most ${TITLES_PER_REQUEST} titles a request`);
  const url = apiUrl(site, {
    action: 'query',
    redirects: '1',
    prop: 'pageprops|description',
    ppprop: 'disambiguation|wikibase_item',
    titles: titles.join('|'),
  });
  const response = await getJson(url, deps);
  if (!response.ok) return response;
  return parseTitleQuery(response.value.body, titles);
}

/**
 * Maps each asked title to its outcome through the answer's `normalized` and `redirects` lists.
 * Titles the answer does not mention are left out (they count as not looked up, not as missing).
 */
export function parseTitleQuery(
  body: unknown,
  asked: readonly string[],
): Result<Map<string, TitleOutcome>, SourceError> {
  const query = queryOf(body);
  if (!query.ok) return query;

  const renames = new Map<string, string>();
  for (const entry of [...list(query.value.normalized), ...list(query.value.redirects)]) {
    const from = text(record(entry)?.from);
    const to = text(record(entry)?.to);
    if (from && to) renames.set(from, to);
  }
  const pages = new Map<string, TitleOutcome>();
  for (const entry of list(query.value.pages)) {
    const page = record(entry);
    const title = text(page?.title);
    if (!page || !title) continue;
    const props = record(page.pageprops);
    if (page.missing !== undefined || page.invalid !== undefined) {
      pages.set(title, { kind: 'missing' });
    } else if (props && props.disambiguation !== undefined) {
      pages.set(title, { kind: 'disambiguation', title });
    } else {
      const wikidataId = text(props?.wikibase_item);
      const description = text(page.description);
      pages.set(title, {
        kind: 'article',
        title,
        ...(wikidataId && /^Q\d+$/.test(wikidataId) ? { wikidataId } : {}),
        ...(description ? { description } : {}),
      });
    }
  }

  const outcomes = new Map<string, TitleOutcome>();
  for (const title of asked) {
    // Follow normalisation then redirects (a redirect may itself be normalised first); stop on loops.
    let current = title;
    for (let hops = 0; hops < 4 && renames.has(current); hops += 1) current = renames.get(current)!;
    const outcome = pages.get(current);
    if (outcome) outcomes.set(title, outcome);
  }
  return ok(outcomes);
}

/** The `query` part of an action API answer, or why there is none (an error answer, or nonsense). */
function queryOf(body: unknown): Result<Record<string, unknown>, SourceError> {
  const root = record(body);
  const apiError = record(root?.error);
  if (apiError)
    return err({ kind: 'malformed', detail: `the API said ${text(apiError.code) ?? 'error'}` });
  const query = record(root?.query);
  return query ? ok(query) : err({ kind: 'malformed', detail: 'the answer has no query' });
}

/** The titles of the best full-text search matches for a query, best first. */
export async function searchTitles(
  query: string,
  site: WikipediaSite,
  deps: HttpDeps,
  limit = 3,
): Promise<Result<string[], SourceError>> {
  const url = apiUrl(site, {
    action: 'query',
    list: 'search',
    srsearch: query,
    srlimit: String(limit),
    srnamespace: '0',
    srprop: '',
  });
  const response = await getJson(url, deps);
  if (!response.ok) return response;
  return parseSearch(response.value.body);
}

export function parseSearch(body: unknown): Result<string[], SourceError> {
  const query = queryOf(body);
  if (!query.ok) return query;
  return ok(list(query.value.search).flatMap((hit) => text(record(hit)?.title) ?? []));
}

/** Meanings offered at most: a card lists a handful, and a page may link to hundreds. */
export const MAX_CHOICES = 50;

/** The articles a disambiguation page links to, with their descriptions: the card's "Did you mean". */
export async function fetchChoices(
  disambiguationTitle: string,
  site: WikipediaSite,
  deps: HttpDeps,
): Promise<Result<Choice[], SourceError>> {
  const url = apiUrl(site, {
    action: 'query',
    generator: 'links',
    titles: disambiguationTitle,
    gplnamespace: '0',
    gpllimit: String(MAX_CHOICES),
    redirects: '1',
    prop: 'pageprops|description',
    ppprop: 'disambiguation',
  });
  const response = await getJson(url, deps);
  if (!response.ok) return response;
  return parseChoices(response.value.body);
}

/**
 * The linked pages that are articles (not missing, not other disambiguation pages), described ones
 * first, each once. An answer without pages (a page with no links) is an empty list.
 */
export function parseChoices(body: unknown): Result<Choice[], SourceError> {
  const root = record(body);
  if (root && !root.query && !root.error && root.batchcomplete !== undefined) return ok([]);
  const query = queryOf(body);
  if (!query.ok) return query;
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const entry of list(query.value.pages)) {
    const page = record(entry);
    const title = text(page?.title);
    if (!page || !title || seen.has(title) || page.missing !== undefined) continue;
    if (record(page.pageprops)?.disambiguation !== undefined) continue;
    seen.add(title);
    const description = text(page.description);
    choices.push({ title, ...(description ? { description } : {}) });
  }
  const described = (choice: Choice) => (choice.description ? 0 : 1);
  return ok(choices.sort((a, b) => described(a) - described(b)).slice(0, MAX_CHOICES));
}

/** A title found by prefix search, with its description and whether it is a disambiguation page. */
export interface PrefixHit {
  title: string;
  description?: string;
  disambiguation: boolean;
}

/** Wikipedia's titles starting with what the reader has typed so far, best first. */
export async function prefixSearch(
  prefix: string,
  site: WikipediaSite,
  deps: HttpDeps,
  limit = 8,
): Promise<Result<PrefixHit[], SourceError>> {
  const url = apiUrl(site, {
    action: 'query',
    generator: 'prefixsearch',
    gpssearch: prefix,
    gpslimit: String(limit),
    gpsnamespace: '0',
    redirects: '1',
    prop: 'pageprops|description',
    ppprop: 'disambiguation',
  });
  const response = await getJson(url, deps);
  if (!response.ok) return response;
  return parsePrefixSearch(response.value.body);
}

/** Generator results come unordered, each with its rank in `index`; no pages is no hits. */
export function parsePrefixSearch(body: unknown): Result<PrefixHit[], SourceError> {
  const root = record(body);
  if (root && !root.query && !root.error) return ok([]);
  const query = queryOf(body);
  if (!query.ok) return query;
  const hits: Array<PrefixHit & { rank: number }> = [];
  for (const entry of list(query.value.pages)) {
    const page = record(entry);
    const title = text(page?.title);
    if (!page || !title || page.missing !== undefined) continue;
    const description = text(page.description);
    hits.push({
      title,
      ...(description ? { description } : {}),
      disambiguation: record(page.pageprops)?.disambiguation !== undefined,
      rank: typeof page.index === 'number' ? page.index : hits.length + 1000,
    });
  }
  return ok(hits.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...hit }) => hit));
}
