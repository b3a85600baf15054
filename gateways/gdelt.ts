import type { RelatedArticle } from '../core/articles';
import { untokeniseTitle } from '../core/articles';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { safeHttpUrl } from '../core/text';
import { getText, type HttpDeps } from './http';
import { asText } from './json';

/** Where GDELT's DOC API lives: `https://api.gdeltproject.org`, or a local server. */
export interface GdeltSite {
  origin: string;
}

/** A name as a DOC API phrase query: in quotes, with no quotes of its own. */
const phrase = (name: string) => `"${name.replace(/"/g, '')}"`;

/** Asks the DOC API; answers the body's text. */
async function askDoc(
  params: Record<string, string>,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<string, SourceError>> {
  const query = new URLSearchParams({ format: 'json', ...params });
  const answer = await getText(
    `${site.origin}/api/v2/doc/doc?${query.toString()}`,
    deps,
    'application/json',
  );
  return answer.ok ? ok(answer.value.text) : answer;
}

/** The DOC API's newest articles (past week) that mention a name as a phrase. */
export async function fetchRelated(
  name: string,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<RelatedArticle[], SourceError>> {
  const answer = await askDoc(
    { query: phrase(name), mode: 'artlist', maxrecords: '25', timespan: '7d', sort: 'DateDesc' },
    site,
    deps,
  );
  return answer.ok ? parseArticles(answer.value) : answer;
}

/** The articles of one day ("2026-11-27") that mention a name: the headlines of a spike. */
export async function fetchDayArticles(
  name: string,
  day: string,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<RelatedArticle[], SourceError>> {
  const compact = day.replace(/-/g, '');
  const answer = await askDoc(
    {
      query: phrase(name),
      mode: 'artlist',
      maxrecords: '10',
      startdatetime: `${compact}000000`,
      enddatetime: `${compact}235959`,
      sort: 'HybridRel',
    },
    site,
    deps,
  );
  return answer.ok ? parseArticles(answer.value) : answer;
}

/** How much of all coverage named a name, over the last month (`mode=timelinevol`). */
export async function fetchTimeline(
  name: string,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<Array<{ date: string; value: number }>, SourceError>> {
  const answer = await askDoc(
    { query: phrase(name), mode: 'timelinevol', timespan: '30d' },
    site,
    deps,
  );
  return answer.ok ? parseTimeline(answer.value) : answer;
}

/**
 * Parses a timeline answer: `{"timeline":[{"series":…,"data":[{"date":…,"value":…}]}]}`, its first
 * series. No results is `{}`: an empty line. Malformed points are left out.
 */
export function parseTimeline(
  body: string,
): Result<Array<{ date: string; value: number }>, SourceError> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return err({ kind: 'malformed', detail: body.trim().slice(0, 120) || 'empty answer' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return err({ kind: 'malformed', detail: 'the answer is not an object' });
  const timeline = (json as { timeline?: unknown }).timeline;
  if (timeline === undefined) return ok([]);
  if (!Array.isArray(timeline)) return err({ kind: 'malformed', detail: 'timeline is not a list' });
  const data = (timeline[0] as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return ok([]);
  const points: Array<{ date: string; value: number }> = [];
  for (const entry of data.slice(0, MAX_TIMELINE_POINTS)) {
    const { date, value } = (entry ?? {}) as { date?: unknown; value?: unknown };
    if (typeof date === 'string' && typeof value === 'number' && Number.isFinite(value))
      points.push({ date, value });
  }
  return ok(points);
}

/** Points read from one answer at most (a month of quarter hours is under 3,000). */
const MAX_TIMELINE_POINTS = 5_000;

/** "20230918T031500Z" → "2023-09-18T03:15:00Z". */
function isoDate(seen: unknown): string | undefined {
  const match =
    typeof seen === 'string' ? /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(seen) : null;
  return match
    ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`
    : undefined;
}

/**
 * Parses an artlist answer. GDELT answers a query it cannot run with a plain-text sentence, and a
 * query with no results with `{}`: the first is an error, the second an empty list.
 */
export function parseArticles(body: string): Result<RelatedArticle[], SourceError> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return err({ kind: 'malformed', detail: body.trim().slice(0, 120) || 'empty answer' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err({ kind: 'malformed', detail: 'the answer is not an object' });
  }
  const list = (json as { articles?: unknown }).articles;
  if (list === undefined) return ok([]);
  if (!Array.isArray(list)) return err({ kind: 'malformed', detail: 'articles is not a list' });
  const articles: RelatedArticle[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const item = entry as Record<string, unknown>;
    const url = safeHttpUrl(item.url);
    const title = asText(item.title);
    const date = isoDate(item.seendate);
    if (!url || !title || !date) continue;
    const country = asText(item.sourcecountry);
    const language = asText(item.language);
    articles.push({
      url,
      title: untokeniseTitle(title),
      domain: asText(item.domain) ?? new URL(url).hostname,
      date,
      ...(country ? { sourceCountry: country } : {}),
      ...(language ? { language } : {}),
    });
  }
  return ok(articles);
}
