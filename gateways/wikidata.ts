import type { Claim, Claims, ClaimValue } from '../core/fact-choice';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { isWellFormed } from '../core/text';
import { getJson, type HttpDeps } from './http';
import { asRecord as record, asText as text } from './json';

/** Where Wikidata lives: `https://www.wikidata.org`, or a local server in tests and the demo. */
export interface WikidataSite {
  origin: string;
  lang: string;
}

const QID = /^Q\d+$/;

function apiUrl(site: WikidataSite, params: Record<string, string>): string {
  const query = new URLSearchParams({
    action: 'wbgetentities',
    format: 'json',
    origin: '*',
    ...params,
  });
  return `${site.origin}/w/api.php?${query.toString()}`;
}

/** The statements of one item. */
export async function fetchClaims(
  id: string,
  site: WikidataSite,
  deps: HttpDeps,
): Promise<Result<Claims, SourceError>> {
  if (!QID.test(id)) return err({ kind: 'not-found' });
  const response = await getJson(apiUrl(site, { ids: id, props: 'claims' }), deps);
  if (!response.ok) return response;
  return parseClaims(response.value.body, id);
}

/** The labels of up to 50 items in the reader's language (falling back as Wikidata does). */
export async function fetchLabels(
  ids: readonly string[],
  site: WikidataSite,
  deps: HttpDeps,
): Promise<Result<Map<string, string>, SourceError>> {
  const wanted = ids.filter((id) => QID.test(id)).slice(0, 50);
  if (wanted.length === 0) return ok(new Map());
  const url = apiUrl(site, {
    ids: wanted.join('|'),
    props: 'labels',
    languages: site.lang,
    languagefallback: '1',
  });
  const response = await getJson(url, deps);
  if (!response.ok) return response;
  return parseLabels(response.value.body, site.lang);
}

function entitiesOf(body: unknown): Result<Record<string, unknown>, SourceError> {
  const root = record(body);
  const apiError = record(root?.error);
  if (apiError) {
    const code = text(apiError.code);
    return code === 'no-such-entity'
      ? err({ kind: 'not-found' })
      : err({ kind: 'malformed', detail: `Wikidata said ${code ?? 'error'}` });
  }
  const entities = record(root?.entities);
  return entities ? ok(entities) : err({ kind: 'malformed', detail: 'the answer has no entities' });
}

function valueOf(snak: unknown): ClaimValue | undefined {
  const data = record(record(snak)?.datavalue);
  const value = data?.value;
  switch (data?.type) {
    case 'wikibase-entityid': {
      const id = text(record(value)?.id);
      return id && QID.test(id) ? { type: 'item', id } : undefined;
    }
    case 'time': {
      const time = text(record(value)?.time);
      // Only a number counts: coercing an object could run its valueOf, or throw.
      const precision = record(value)?.precision;
      return time && typeof precision === 'number' && Number.isInteger(precision)
        ? { type: 'time', time, precision }
        : undefined;
    }
    case 'quantity': {
      const amount = text(record(value)?.amount);
      return amount && Number.isFinite(Number(amount)) ? { type: 'quantity', amount } : undefined;
    }
    case 'string':
    case 'monolingualtext': {
      const string = typeof value === 'string' ? value : text(record(value)?.text);
      return string ? { type: 'text', text: string } : undefined;
    }
    default:
      // "novalue" and "somevalue" snaks, and types the card does not show.
      return undefined;
  }
}

const qualifier = (statement: Record<string, unknown>, property: string) =>
  valueOf((record(statement.qualifiers)?.[property] as unknown[] | undefined)?.[0]);

/** Parses `wbgetentities&props=claims` into statements the fact rules read; never throws. */
export function parseClaims(body: unknown, id: string): Result<Claims, SourceError> {
  const entities = entitiesOf(body);
  if (!entities.ok) return entities;
  const entity = record(entities.value[id]);
  if (!entity || entity.missing !== undefined) return err({ kind: 'not-found' });
  const claims: Claims = {};
  for (const [property, statements] of Object.entries(record(entity.claims) ?? {})) {
    if (!Array.isArray(statements)) continue;
    const parsed: Claim[] = [];
    for (const item of statements) {
      const statement = record(item);
      const value = statement && valueOf(statement.mainsnak);
      if (!statement || !value) continue;
      const rank =
        statement.rank === 'preferred' || statement.rank === 'deprecated'
          ? statement.rank
          : 'normal';
      const start = qualifier(statement, 'P580');
      const end = qualifier(statement, 'P582');
      const pointInTime = qualifier(statement, 'P585');
      parsed.push({
        value,
        rank,
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
        ...(pointInTime ? { pointInTime } : {}),
      });
    }
    if (parsed.length > 0) claims[property] = parsed;
  }
  return ok(claims);
}

/** Parses `wbgetentities&props=labels` into id → label. */
export function parseLabels(body: unknown, lang: string): Result<Map<string, string>, SourceError> {
  const entities = entitiesOf(body);
  if (!entities.ok) return entities;
  const labels = new Map<string, string>();
  for (const [id, value] of Object.entries(entities.value)) {
    const all = record(record(value)?.labels);
    const label =
      text(record(all?.[lang])?.value) ?? text(record(Object.values(all ?? {})[0])?.value);
    if (label) labels.set(id, label);
  }
  return ok(labels);
}

/**
 * The title of each item's article on one wiki (`frwiki`), up to 50 items a request: null where
 * the wiki has none, or the item is gone.
 */
export async function fetchSitelinks(
  ids: readonly string[],
  wikiSite: string,
  site: WikidataSite,
  deps: HttpDeps,
): Promise<Result<Map<string, string | null>, SourceError>> {
  const wanted = ids.filter((id) => QID.test(id)).slice(0, 50);
  if (wanted.length === 0) return ok(new Map());
  const url = apiUrl(site, { ids: wanted.join('|'), props: 'sitelinks', sitefilter: wikiSite });
  const response = await getJson(url, deps);
  if (!response.ok) return response;
  return parseSitelinks(response.value.body, wanted, wikiSite);
}

/** Parses `wbgetentities&props=sitelinks` into id → title on `wikiSite` (null: none), for the ids asked. */
export function parseSitelinks(
  body: unknown,
  asked: readonly string[],
  wikiSite: string,
): Result<Map<string, string | null>, SourceError> {
  const entities = entitiesOf(body);
  if (!entities.ok) return entities;
  const titles = new Map<string, string | null>();
  for (const id of asked) {
    const entity = record(entities.value[id]);
    // An item the answer leaves out is not known to have no article: it is asked again later.
    if (!entity) continue;
    const title = text(record(record(entity.sitelinks)?.[wikiSite])?.title);
    titles.set(id, title && isWellFormed(title) ? title : null);
  }
  return ok(titles);
}
