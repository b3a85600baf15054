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

/** The DOC API's newest articles (past week) that mention a name as a phrase. */
export async function fetchRelated(
  name: string,
  site: GdeltSite,
  deps: HttpDeps,
): Promise<Result<RelatedArticle[], SourceError>> {
  const query = new URLSearchParams({
    query: `"${name.replace(/"/g, '')}"`,
    mode: 'artlist',
    format: 'json',
    maxrecords: '25',
    timespan: '7d',
    sort: 'DateDesc',
  });
  const answer = await getText(
    `${site.origin}/api/v2/doc/doc?${query.toString()}`,
    deps,
    'application/json',
  );
  return answer.ok ? parseArticles(answer.value.text) : answer;
}

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
