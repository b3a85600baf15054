/** What Gloss knows about one Wikipedia article: the card's background section. */
export interface EntitySummary {
  /** `lang:Canonical_title`, stable across redirects and spellings. */
  key: string;
  lang: string;
  title: string;
  /** The kind of page: an ambiguous name lands on a disambiguation page. */
  kind: 'standard' | 'disambiguation' | 'no-extract';
  description?: string;
  /** Plain text; never HTML. */
  extract: string;
  thumbnail?: { source: string; width: number; height: number };
  pageUrl: string;
  wikidataId?: string;
  dir: 'ltr' | 'rtl';
}

/** A name as the page shows it, resolved to an article. */
export interface ResolvedName {
  key: string;
  title: string;
}

export function entityKey(lang: string, canonicalTitle: string): string {
  return `${lang}:${canonicalTitle}`;
}
