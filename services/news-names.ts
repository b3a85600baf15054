import type { EntitySummary } from '../core/entity';
import type { SourceError } from '../core/errors';
import type { Result } from '../core/result';
import { bareTitle, sitelinkSite, wikiOfKey } from '../core/wikis';
import type { HttpDeps } from '../gateways/http';
import { fetchSitelinks, type WikidataSite } from '../gateways/wikidata';

/** The language whose names GDELT is searched by: it searches the world's news in English translation. */
const NEWS_WIKI = 'en';

export interface NewsNameDeps {
  http: HttpDeps;
  /** An article's summary, from the cache or fetched (it names the article's Wikidata item). */
  card: (key: string) => Promise<Result<EntitySummary, SourceError>>;
  wikidata: () => Promise<WikidataSite>;
  /** Whether the reader lets Gloss ask Wikidata (off: an article is asked for by its own title). */
  useWikidata?: () => Promise<boolean>;
}

/**
 * The name an entity's news is asked for by: GDELT reads the news of 65 languages in English
 * translation and is searched in English, so an article of another Wikipedia is asked for by the
 * English one's title on the same subject (its Wikidata sitelink), or by its own where there is
 * none or it cannot be had. Remembered while the worker runs.
 */
export function createNewsNames({
  http,
  card,
  wikidata,
  useWikidata = async () => true,
}: NewsNameDeps) {
  const known = new Map<string, string>();

  return async function newsName(key: string, title: string): Promise<string> {
    if (wikiOfKey(key) === NEWS_WIKI) return bareTitle(title);
    const remembered = known.get(key);
    if (remembered) return remembered;
    if (!(await useWikidata())) return bareTitle(title);
    const summary = await card(key);
    const item = summary.ok ? summary.value.wikidataId : undefined;
    if (!item) return bareTitle(title);
    const titles = await fetchSitelinks([item], sitelinkSite(NEWS_WIKI), await wikidata(), http);
    if (!titles.ok) return bareTitle(title);
    const name = bareTitle(titles.value.get(item) ?? title);
    known.set(key, name);
    return name;
  };
}

export type NewsName = (key: string, title: string) => Promise<string>;
