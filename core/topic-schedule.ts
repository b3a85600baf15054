/** How often each topic's sources are asked for new articles, by default. */
export const POLL_INTERVAL_MINUTES = 30;

/** Pause between two topics in one round, so a round's requests are spread out, not a burst. */
export const POLL_STAGGER_MS = 2000;

/** The key of a keyword topic ("query:rare earths"): lower case and single-spaced, so it is found again. */
export function queryTopicKey(keywords: string): string {
  return `query:${keywords.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en')}`;
}

/** Whether a topic is due for a check: never checked, or checked an interval ago. */
export function isDue(
  lastCheckedAt: number | undefined,
  now: number,
  intervalMinutes: number,
): boolean {
  return lastCheckedAt === undefined || now - lastCheckedAt >= intervalMinutes * 60_000 - 1000;
}

/** The badge's text for a number of unread articles: empty for none, "99+" past 99. */
export function badgeText(unread: number): string {
  return unread <= 0 ? '' : unread > 99 ? '99+' : String(unread);
}
