import type { SourceError } from '../core/errors';
import type { Interest, NewsAnswer } from '../core/news';
import { createPacedQueue, type QueueClock, type QueueStatus } from '../core/paced-queue';
import { ok, type Result } from '../core/result';
import { GDELT_PACING_MS } from '../gateways/gdelt';

/**
 * Google News publishes no limit for its feeds; one request every 2 s at most keeps a reader's
 * busiest hovering (a card every few seconds) well inside what any reader's browser would do.
 */
export const GOOGLE_NEWS_INTERVAL_MS = 2000;

/** A refused request is asked again once: a second refusal is the card's answer. */
const ATTEMPTS = 2;

/**
 * The order requests go in, most urgent first: the latest articles of the card the reader looks
 * at, then of the card the pointer rests on, then their coverage (which never waits in front of
 * articles), then topic checks, then what no open card waits for (a closed card's, a refresh).
 */
export const RANK = {
  openArticles: 0,
  intentArticles: 1,
  openCoverage: 2,
  intentCoverage: 3,
  topic: 4,
  speculativeArticles: 5,
  speculativeCoverage: 6,
} as const;

/** Ranks from here on wait while the reader is hovering: a card's request never waits behind them. */
const BACKGROUND_RANK = RANK.topic;

/**
 * How long the reader counts as hovering after their last card: readers go from name to name a
 * few seconds apart, and with one GDELT request per 5 s a topic check started in that gap would
 * hold the next card's articles back by up to 5 s.
 */
export const READER_QUIET_MS = 8000;

/** A pointer rests on a name for its card to open within a second; an intent older than this was passing. */
const INTENT_LIFETIME_MS = 3000;

/** A card that never said it closed (its frame went away) stops counting as open after this. */
const OPEN_LIFETIME_MS = 2 * 60 * 1000;

/** How long a card's ask waits for its answer before it is told where its request stands. */
export const LONG_POLL_MS = 2500;

/** What a card's news request is for: its latest articles, or its coverage line. */
export type NewsPart = 'articles' | 'coverage';

/** The sources whose requests are paced; each has its queue. */
export type PacedSource = 'gdelt' | 'googleNews';

const INTERVALS: Record<PacedSource, number> = {
  gdelt: GDELT_PACING_MS,
  googleNews: GOOGLE_NEWS_INTERVAL_MS,
};

export interface NewsPacingDeps {
  clock: QueueClock;
  /** What a stopped worker kept of each source's pacing (undefined for a new start). */
  kept: Promise<Partial<Record<PacedSource, unknown>> | undefined>;
  /** Keeps a source's pacing for a worker that starts again. */
  keep: (source: PacedSource, state: unknown) => void;
}

/**
 * The background's one place for paced sources: a queue per source that everything asks through
 * (cards, topics, refreshes), and what the reader is looking at, which sets each request's rank.
 *
 * Long as a whole because it is a factory: the queues and the reader's interest are shared by its
 * small functions.
 */
export function createNewsPacing({ clock, kept, keep }: NewsPacingDeps) {
  /** Each entity's card interest, with when it was said. */
  const interests = new Map<string, { interest: Interest; at: number }>();
  let lastReaderAt = -Infinity;

  const interestOf = (key: string | undefined): Interest | undefined => {
    const said = key === undefined ? undefined : interests.get(key);
    if (!said) return undefined;
    const age = clock.now() - said.at;
    const lifetime = said.interest === 'open' ? OPEN_LIFETIME_MS : INTENT_LIFETIME_MS;
    if (age < lifetime) return said.interest;
    interests.delete(key!);
    return undefined;
  };

  const readerHovering = () =>
    clock.now() - lastReaderAt < READER_QUIET_MS ||
    [...interests.keys()].some((key) => interestOf(key) !== undefined);

  const mayStart = (rank: number) => rank < BACKGROUND_RANK || !readerHovering();

  const queues = {
    gdelt: createPacedQueue({
      intervalMs: INTERVALS.gdelt,
      attempts: ATTEMPTS,
      clock,
      mayStart,
      keep: (state) => keep('gdelt', state),
    }),
    googleNews: createPacedQueue({
      intervalMs: INTERVALS.googleNews,
      attempts: ATTEMPTS,
      clock,
      mayStart,
      keep: (state) => keep('googleNews', state),
    }),
  };
  void kept
    .catch(() => undefined)
    .then((states) => {
      for (const source of ['gdelt', 'googleNews'] as const)
        queues[source].restore(states?.[source]);
    });

  /** The rank of a request for `key`'s `part` now (without a key: a topic check). */
  function rankOf(key: string | undefined, part: NewsPart | 'topic'): number {
    if (part === 'topic') return RANK.topic;
    const interest = interestOf(key);
    if (part === 'articles')
      return interest === 'open'
        ? RANK.openArticles
        : interest === 'intent'
          ? RANK.intentArticles
          : RANK.speculativeArticles;
    return interest === 'open'
      ? RANK.openCoverage
      : interest === 'intent'
        ? RANK.intentCoverage
        : RANK.speculativeCoverage;
  }

  /**
   * The reader rests on a name (`intent`), opened its card (`open`), or left it (`none`): its
   * requests go ahead of others while it is wanted, and keep their place (not their rank) after.
   */
  function setInterest(key: string, interest: Interest | 'none'): void {
    lastReaderAt = clock.now();
    const said = interestOf(key);
    // A card that is open stays open while its name is hovered again.
    if (interest === 'none') interests.delete(key);
    else if (!(said === 'open' && interest === 'intent'))
      interests.set(key, { interest, at: clock.now() });
    queues.gdelt.wake();
    queues.googleNews.wake();
  }

  /**
   * Asks `source` for the request `id` at the rank of `key`'s `part`, read afresh whenever the
   * queue chooses.
   */
  function ask<T>(
    source: PacedSource,
    id: string,
    run: () => Promise<Result<T, SourceError>>,
    key: string | undefined,
    part: NewsPart | 'topic',
  ): Promise<Result<T, SourceError>> {
    return queues[source].ask(id, run, () => rankOf(key, part));
  }

  const status = (source: PacedSource, id: string) => queues[source].status(id);

  return { setInterest, ask, status, rankOf };
}

export type NewsPacing = ReturnType<typeof createNewsPacing>;

/**
 * A card's answer within `LONG_POLL_MS`: what came, or where the request stands (`status`), so the
 * card can say so and ask again; the request goes on either way.
 */
export async function answerWithin<T>(
  answer: Promise<Result<T, SourceError>>,
  status: () => QueueStatus | undefined,
  ms = LONG_POLL_MS,
): Promise<Result<NewsAnswer<T>, SourceError>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const first = await Promise.race([answer, late]);
  clearTimeout(timer);
  if (first !== 'late') return first.ok ? ok({ status: 'done', value: first.value }) : first;
  // Settled in the meantime, or between two of the queue's steps: then it is no wait at all.
  const wait = status() ?? { state: 'asking', forMs: ms };
  return ok({ status: 'waiting', wait });
}
