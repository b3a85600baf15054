/** How long a name that is not a Wikipedia article stays remembered as such before it is asked again. */
export const MISS_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Title lookups one page may make: each asks about up to 50 names, so this bounds the first visit
 * to a name-heavy page at 200 names. Names are cached, so later visits ask about new names only.
 */
export const MAX_TITLE_BATCHES_PER_PAGE = 4;

/** Spelling searches one page may make, for multi-word names with no exact title ("Sergei Shoygu"). */
export const MAX_SEARCHES_PER_PAGE = 8;

/** What one document may still have looked up, over its whole life; spent as names are asked about. */
export interface LookupBudget {
  titles: number;
  searches: number;
}

/** A new document's budget: the titles of `MAX_TITLE_BATCHES_PER_PAGE` requests, and the searches. */
export const newLookupBudget = (): LookupBudget => ({
  titles: MAX_TITLE_BATCHES_PER_PAGE * 50,
  searches: MAX_SEARCHES_PER_PAGE,
});

/** How sure a match found by spelling search is, beside 1 for an exact title. */
export const SEARCH_MATCH_SCORE = 0.8;

/** Whether a remembered outcome for a name can still be trusted, or should be asked again. */
export function isAliasFresh(
  record: { outcome: 'found' | 'missing' | 'ambiguous' | 'candidate'; checkedAt: number },
  now: number,
): boolean {
  if (record.outcome === 'candidate') return false;
  return record.outcome === 'found' || now - record.checkedAt < MISS_LIFETIME_MS;
}

/** How long related articles are kept before they are fetched again (news moves fast). */
export const RELATED_LIFETIME_MS = 60 * 60 * 1000;

/** How long a card's summary and facts are kept before they are fetched again (served stale meanwhile). */
export const CARD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
