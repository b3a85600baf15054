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

/**
 * GDELT's published limit: "one request every 5 seconds" per client (its DOC API answers an earlier
 * one with 429 and a plea). The queue in front of it keeps to this (services/news-pacing.ts).
 */
export const GDELT_INTERVAL_MS = 5000;

/**
 * Starts are spaced a little wider than the limit: two requests started 5 s apart can reach GDELT
 * closer than that when the first one's connection took longer to open.
 */
export const GDELT_PACING_MS = GDELT_INTERVAL_MS + 400;

/** GDELT's busy names take 10–20 s to answer, and under load it refuses only after about 13 s. */
export const GDELT_TIMEOUT_MS = 25_000;

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

/** The DOC API's request for a name's newest articles: one id per request, for the queue. */
const relatedParams = (name: string) => ({
  query: phrase(name),
  mode: 'artlist',
  maxrecords: '25',
  timespan: '7d',
  sort: 'DateDesc',
});

/** The DOC API's newest articles (past week) that mention a name as a phrase. */
export async function fetchRelated(
  name: string,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<RelatedArticle[], SourceError>> {
  const answer = await askDoc(relatedParams(name), site, deps);
  return answer.ok ? parseArticles(answer.value) : answer;
}

/** The request for a name's coverage over the last month, with each step's top articles. */
const timelineParams = (name: string) => ({
  query: phrase(name),
  mode: 'timelinevolinfo',
  timespan: '30d',
});

/**
 * How much of all coverage named a name over the last month, and each step's top articles
 * (`mode=timelinevolinfo`): the line and its spikes' headlines in one request.
 */
export async function fetchTimeline(
  name: string,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<TimelineStep[], SourceError>> {
  const answer = await askDoc(timelineParams(name), site, deps);
  return answer.ok ? parseTimeline(answer.value) : answer;
}

/** One step of a timeline: when, how much, and the articles GDELT names as its top ones. */
export interface TimelineStep {
  /** "20261127T000000Z". */
  date: string;
  value: number;
  top: RelatedArticle[];
}

/** GDELT's plea when asked too often; it comes as plain text, with a 429 or, at times, a 200. */
const PLEA = /^\s*please limit requests/i;
/**
 * GDELT's plain-text complaint about a query it will not run ("The specified phrase is too short.",
 * a keyword too short or too common): for a card, a name with no news to show.
 */
const QUERY_COMPLAINT = /^[^{[]*\b(phrase|keyword)s?\b[^{[]*\btoo (short|long|common)\b/i;

/**
 * A DOC API body as JSON. GDELT's bodies are not always valid JSON: titles carry backslashes that
 * start no JSON escape (a backslash before an apostrophe) and raw control characters; those are
 * mended, anything else fails.
 * Its plea to slow down is the source refusing, whatever status it came with; its complaint about
 * a query it will not run is an answer with nothing in it.
 */
export function readBody(body: string): Result<unknown, SourceError> {
  if (PLEA.test(body)) return err({ kind: 'rate-limited' });
  if (QUERY_COMPLAINT.test(body)) return ok({});
  try {
    return ok(JSON.parse(body) as unknown);
  } catch {
    // Mending a body that parses costs nothing; one that does not gets one more try.
  }
  try {
    return ok(JSON.parse(mendJson(body)) as unknown);
  } catch {
    return err({ kind: 'malformed', detail: body.trim().slice(0, 120) || 'empty answer' });
  }
}

/**
 * Drops each backslash that starts no JSON escape and turns control characters into spaces; an
 * escaped backslash stays one.
 */
export function mendJson(body: string): string {
  return (
    body
      .replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])|\\/g, (escape, valid: string | undefined) =>
        valid ? escape : '',
      )
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\u0000-\u001f]/g, ' ')
  );
}

/** The body's top-level object, or why there is none. */
function topObject(body: string): Result<Record<string, unknown>, SourceError> {
  const json = readBody(body);
  if (!json.ok) return json;
  const value = json.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err({ kind: 'malformed', detail: 'the answer is not an object' });
  return ok(value as Record<string, unknown>);
}

/**
 * Parses a timeline answer: `{"timeline":[{"series":…,"data":[{"date","value","toparts":[{"url",
 * "title"}]}]}]}`, its first series. No results is `{}`: an empty line. Malformed points and
 * articles are left out.
 */
export function parseTimeline(body: string): Result<TimelineStep[], SourceError> {
  const json = topObject(body);
  if (!json.ok) return json;
  const timeline = json.value.timeline;
  if (timeline === undefined) return ok([]);
  if (!Array.isArray(timeline)) return err({ kind: 'malformed', detail: 'timeline is not a list' });
  const data = (timeline[0] as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return ok([]);
  const steps: TimelineStep[] = [];
  for (const entry of data.slice(0, MAX_TIMELINE_POINTS)) {
    const { date, value, toparts } = (entry ?? {}) as Record<string, unknown>;
    if (typeof date !== 'string' || typeof value !== 'number' || !Number.isFinite(value)) continue;
    steps.push({ date, value, top: topArticles(toparts, isoDate(date)) });
  }
  return ok(steps);
}

/** A step's top articles; they have no date of their own, so they take the step's. */
function topArticles(list: unknown, date: string | undefined): RelatedArticle[] {
  if (!Array.isArray(list) || !date) return [];
  const articles: RelatedArticle[] = [];
  for (const entry of list.slice(0, MAX_TOP_ARTICLES)) {
    const item = (entry ?? {}) as Record<string, unknown>;
    const url = safeHttpUrl(item.url);
    const title = asText(item.title);
    if (url && title)
      articles.push({ url, title: untokeniseTitle(title), domain: hostOf(url), date });
  }
  return articles;
}

/** Top articles read from one step at most (GDELT gives ten). */
const MAX_TOP_ARTICLES = 20;

/** An outlet's name as the card shows it: its address's host without "www.". */
const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

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
  const json = topObject(body);
  if (!json.ok) return json;
  const list = json.value.articles;
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
