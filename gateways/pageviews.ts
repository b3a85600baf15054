import { COVERAGE_DAYS } from '../core/coverage';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { isWellFormed } from '../core/text';
import { canonicalTitle } from '../core/wikis';
import { getJson, type HttpDeps } from './http';
import { asRecord } from './json';

/** Where Wikimedia's REST API lives: `https://wikimedia.org`, or a local server. */
export interface PageviewsSite {
  origin: string;
}

/** How many readers opened an article on one day. */
export interface DailyViews {
  /** "2026-11-27". */
  day: string;
  views: number;
}

/** Days asked: the same month the coverage line shows, so the two read side by side. */
export const PAGEVIEWS_DAYS = COVERAGE_DAYS;

/** Items read from one answer at most: a month needs 30, and a hostile answer costs no more. */
const MAX_ITEMS = 400;

const DAY_MS = 86_400_000;

/** A moment's UTC date as the API's path writes it: "20261130". */
const pathDate = (at: number) => new Date(at).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * The days asked, as the path's start and end: the month ending yesterday (UTC), since Wikimedia
 * publishes a day's counts only once it is over, about a day late.
 */
export function pageviewsRange(now: number): { start: string; end: string } {
  const end = now - DAY_MS;
  return { start: pathDate(end - (PAGEVIEWS_DAYS - 1) * DAY_MS), end: pathDate(end) };
}

/**
 * The request for an article's daily views by readers (`agent=user`: no bots or crawlers), on
 * every kind of access. The title is one path segment, so its slashes are encoded too.
 */
export function pageviewsUrl(wiki: string, title: string, site: PageviewsSite, now: number) {
  const { start, end } = pageviewsRange(now);
  const article = encodeURIComponent(canonicalTitle(title.trim()));
  const project = `${encodeURIComponent(wiki)}.wikipedia`;
  return `${site.origin}/api/rest_v1/metrics/pageviews/per-article/${project}/all-access/user/${article}/daily/${start}/${end}`;
}

/**
 * An article's daily views over the month ending yesterday, oldest first. An article Wikimedia
 * has no counts for (an unknown title) is `not-found`, as its 404 is.
 */
export async function fetchDailyViews(
  wiki: string,
  title: string,
  site: PageviewsSite,
  deps: HttpDeps,
  now: number,
): Promise<Result<DailyViews[], SourceError>> {
  // encodeURIComponent throws on half a character, which no address can carry anyway.
  if (!isWellFormed(title)) return err({ kind: 'malformed', detail: 'the title is not text' });
  const answer = await getJson(pageviewsUrl(wiki, title, site, now), deps);
  return answer.ok ? parsePageviews(answer.value.body) : answer;
}

/** "2026112700" (the API's daily timestamp, hour 00) → "2026-11-27". */
function dayOf(timestamp: unknown): string | undefined {
  const match = typeof timestamp === 'string' ? /^(\d{4})(\d\d)(\d\d)\d\d$/.exec(timestamp) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** A count of views: a whole number, not below zero. */
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Parses a per-article answer: `{"items":[{"timestamp":"2026110100","views":1234,…}]}`. Items
 * without a day or a count are left out, and a day given twice keeps its first count.
 */
export function parsePageviews(body: unknown): Result<DailyViews[], SourceError> {
  const items = asRecord(body)?.items;
  if (!Array.isArray(items)) return err({ kind: 'malformed', detail: 'the answer has no items' });
  const byDay = new Map<string, number>();
  for (const entry of items.slice(0, MAX_ITEMS)) {
    const item = asRecord(entry) ?? {};
    const day = dayOf(item.timestamp);
    if (day && isCount(item.views) && !byDay.has(day)) byDay.set(day, item.views);
  }
  return ok(
    [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, views]) => ({ day, views })),
  );
}
