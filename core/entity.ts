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
  /** The article's Wikidata item, when the name's record knows it: the card asks for facts at once. */
  wikidataId?: string;
  /**
   * Set when the name has several meanings and the reader has not chosen one on this site: `key`
   * and `title` are then the disambiguation page's, and `name` is the name as it was asked about
   * (what the reader's choice is remembered under).
   */
  ambiguous?: { name: string };
  /**
   * Set for a name found on the Wikipedia of a page in another language than the reader's cards:
   * that article. `key` and `title` are then the card wiki's article on the same subject, or this
   * one's own where the card wiki has none.
   */
  original?: { key: string; title: string };
}

/** One meaning a disambiguation page offers: an article's title and its short description. */
export interface Choice {
  title: string;
  description?: string;
}

/** A page where the reader met an entity before, for the card's "In your reading". */
export interface ReadingEntry {
  url: string;
  title: string;
  seenAt: number;
}

/** An entity a search found: its article's key and title, and what it is. */
export interface SearchHit {
  key: string;
  title: string;
  description?: string;
}
