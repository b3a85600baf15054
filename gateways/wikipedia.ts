import type { EntitySummary } from '../core/entity';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { isWellFormed, safeHttpUrl } from '../core/text';
import { canonicalTitle, keyOfTitle } from '../core/wikis';
import { getJson, type HttpDeps } from './http';
import { asRecord as record, asText as string } from './json';

/** Where a Wikipedia lives: `https://en.wikipedia.org`, or a local server in tests and the demo. */
export interface WikipediaSite {
  origin: string;
  lang: string;
}

/** The REST summary of one article, following redirects, as our model. */
export async function fetchSummary(
  title: string,
  site: WikipediaSite,
  deps: HttpDeps,
): Promise<Result<EntitySummary, SourceError>> {
  if (!isWellFormed(title)) return err({ kind: 'malformed', detail: 'the title is not text' });
  const path = encodeURIComponent(canonicalTitle(title.trim()));
  const response = await getJson(`${site.origin}/api/rest_v1/page/summary/${path}`, deps);
  if (!response.ok) return response;
  return parseSummary(response.value.body, site.lang);
}

/**
 * Parses the body of `/page/summary/{title}` (Specs/Summary 1.x). Keeps only plain-text fields
 * (`extract`, never `extract_html`) and http(s) URLs, so nothing from the response can run as code.
 */
export function parseSummary(body: unknown, lang: string): Result<EntitySummary, SourceError> {
  const page = record(body);
  if (!page) return err({ kind: 'malformed', detail: 'the summary is not an object' });
  // A 404 body (problem+json) has a URL for a type and no titles.
  if (string(page.type)?.startsWith('https://')) return err({ kind: 'not-found' });

  const titles = record(page.titles);
  const title = string(titles?.normalized) ?? string(page.title);
  if (!title) return err({ kind: 'malformed', detail: 'the summary has no title' });
  const canonical = string(titles?.canonical) ?? canonicalTitle(title);
  if (!isWellFormed(title) || !isWellFormed(canonical))
    return err({ kind: 'malformed', detail: 'the summary has a title that is not text' });

  const type = string(page.type);
  const kind = type === 'disambiguation' || type === 'no-extract' ? type : 'standard';
  const thumb = record(page.thumbnail);
  const thumbSource = safeHttpUrl(thumb?.source);
  const desktop = record(record(page.content_urls)?.desktop);
  const wikidataId = string(page.wikibase_item);

  return ok({
    key: keyOfTitle(lang, canonical),
    lang,
    title,
    kind,
    ...(string(page.description) ? { description: string(page.description)! } : {}),
    extract: string(page.extract)?.trim() ?? '',
    ...(thumbSource
      ? {
          thumbnail: {
            source: thumbSource,
            width: size(thumb?.width),
            height: size(thumb?.height),
          },
        }
      : {}),
    pageUrl:
      safeHttpUrl(desktop?.page) ??
      `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(canonical)}`,
    ...(wikidataId && /^Q\d+$/.test(wikidataId) ? { wikidataId } : {}),
    dir: page.dir === 'rtl' ? 'rtl' : 'ltr',
  });
}

/** A picture's dimension in pixels; anything but a positive number counts as unknown (0). */
function size(value: unknown): number {
  return typeof value === 'number' && value > 0 && Number.isFinite(value) ? value : 0;
}
