/** How long a name that is not a Wikipedia article stays remembered as such before it is asked again. */
export const MISS_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * The most unknown names one page may send to Wikipedia. A page's names are looked up once and
 * then cached, so this bounds only the first visit to a name-heavy page.
 */
export const MAX_LOOKUPS_PER_PAGE = 80;

/**
 * Requests in flight at once. Wikimedia asks clients to stay well under 200 requests a second and
 * to avoid parallel bursts; four at a time keeps a page's first visit quick and polite.
 */
export const LOOKUP_CONCURRENCY = 4;

/** Whether a remembered outcome for a name can still be trusted, or should be asked again. */
export function isAliasFresh(
  record: { outcome: 'found' | 'missing' | 'ambiguous'; checkedAt: number },
  now: number,
): boolean {
  return record.outcome === 'found' || now - record.checkedAt < MISS_LIFETIME_MS;
}
