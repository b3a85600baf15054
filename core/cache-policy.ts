/** How long a name that is not a Wikipedia article stays remembered as such before it is asked again. */
export const MISS_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Title lookups one page may make: each asks about up to 50 names, so this bounds the first visit
 * to a name-heavy page at 200 names. Names are cached, so later visits ask about new names only.
 */
export const MAX_TITLE_BATCHES_PER_PAGE = 4;

/** Spelling searches one page may make, for multi-word names with no exact title ("Sergei Shoygu"). */
export const MAX_SEARCHES_PER_PAGE = 8;

/**
 * A page that grows (a live blog, a feed) earns one title look-up back this often, up to the first
 * visit's 200: its new names are still looked up once the page's first text spent the budget, and
 * a page built to flood Gloss gets a batch of 50 names asked about every 20 s at most.
 */
export const TITLE_REFILL_MS = 400;

/** What one document may still have looked up; spent as names are asked about, earned back slowly. */
export interface LookupBudget {
  titles: number;
  searches: number;
  /** When titles were last earned back (or the budget was made). */
  refilledAt: number;
}

const MAX_TITLES = MAX_TITLE_BATCHES_PER_PAGE * 50;

/** A new document's budget: the titles of `MAX_TITLE_BATCHES_PER_PAGE` requests, and the searches. */
export const newLookupBudget = (now: number): LookupBudget => ({
  titles: MAX_TITLES,
  searches: MAX_SEARCHES_PER_PAGE,
  refilledAt: now,
});

/** Gives `budget` the titles it has earned back by `now`; nothing is saved up past a full budget. */
export function refillTitles(budget: LookupBudget, now: number): void {
  const earned = Math.floor((now - budget.refilledAt) / TITLE_REFILL_MS);
  if (earned <= 0) return;
  budget.titles = Math.min(MAX_TITLES, budget.titles + earned);
  budget.refilledAt =
    budget.titles === MAX_TITLES ? now : budget.refilledAt + earned * TITLE_REFILL_MS;
}

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
