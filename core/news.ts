/**
 * What a card asks the news sources for and what it is told back: each source apart, so the card
 * fills in as each one answers, and says of each that is slow or failing which one and why.
 */
import type { QueueStatus } from './paced-queue';

/** The sources of a card's latest articles. */
export type NewsSource = 'gdelt' | 'googleNews' | 'feeds';

export const NEWS_SOURCES: readonly NewsSource[] = ['gdelt', 'googleNews', 'feeds'];

/** Each source as the reader knows it. */
export const NEWS_SOURCE_NAMES: Record<NewsSource, string> = {
  gdelt: 'GDELT',
  googleNews: 'Google News',
  feeds: 'Your feeds',
};

/** How much the reader wants a card's news now: looking at the card, or resting on its name. */
export type Interest = 'open' | 'intent';

/**
 * A source's answer to a card: what it found, that it is off (or has nothing to ask), or, when it
 * has not answered within a moment, where the request stands (the card asks again).
 */
export type NewsAnswer<T> =
  { status: 'done'; value: T } | { status: 'off' } | { status: 'waiting'; wait: QueueStatus };
