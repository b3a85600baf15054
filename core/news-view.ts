/**
 * What a card says of its latest articles while its sources answer one by one: the stories of
 * those that answered, merged (one story told by GDELT and Google News is one story), and a plain
 * word on each source still waiting or failed, naming it and why.
 */
import type { RelatedArticle } from './articles';
import type { NewsPart } from './card';
import type { SourceError } from './errors';
import { NEWS_SOURCE_NAMES, NEWS_SOURCES, type NewsSource } from './news';
import type { QueueStatus } from './paced-queue';
import { groupStories, type Story } from './stories';

/** A word on one source that has not given its articles (yet). */
export interface NewsNote {
  source: NewsSource;
  text: string;
  /** Still to come, or not to be had on this look. */
  kind: 'waiting' | 'failed';
}

export interface NewsView {
  stories: Story[];
  notes: NewsNote[];
  /** Some source has not answered at all yet (not even with where it stands). */
  loading: boolean;
  /** Every source answered, with nothing: no article named it in the past week. */
  empty: boolean;
  /** Every source is turned off. */
  off: boolean;
}

/** A request under way this long is slow: the reader is told so. */
const SLOW_MS = 6000;

/** "in a few seconds", "in about 15 seconds": when a queued request should start. */
function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds <= 5) return 'in a few seconds';
  if (seconds < 90) return `in about ${Math.round(seconds / 5) * 5} seconds`;
  return `in about ${Math.round(seconds / 60)} minutes`;
}

/** Where a source's request stands, for the reader. */
export function waitingNote(source: NewsSource, wait: QueueStatus): string {
  const name = NEWS_SOURCE_NAMES[source];
  switch (wait.state) {
    case 'queued':
      // Why it waits, when the source itself is the cause.
      if (wait.refusedAgoMs !== undefined)
        return `${name} is busy right now and turned a request away; asking it ${inWords(wait.inMs)} or later.`;
      if (wait.aheadForMs !== undefined && wait.aheadForMs >= SLOW_MS)
        return `${name} is slow to answer right now; latest articles from it once it answers the request ahead.`;
      return `Latest articles from ${name} ${inWords(wait.inMs)} (it takes one request at a time).`;
    case 'asking':
      if (wait.refusedAgoMs !== undefined)
        return `Asking ${name} again: it is busy right now and turned a request away.`;
      return wait.forMs >= SLOW_MS
        ? `${name} is slow to answer right now; still asking.`
        : `Asking ${name} for the latest articles…`;
    case 'refused':
      return `${name} is busy and asked Gloss to wait; asking again ${inWords(wait.inMs)}.`;
  }
}

/** Why a source gave no articles on this look, for the reader. */
export function failedNote(source: NewsSource, error: SourceError): string {
  const name = NEWS_SOURCE_NAMES[source];
  switch (error.kind) {
    case 'rate-limited':
      return `${name} is too busy to answer now. Its articles will come on your next look.`;
    case 'offline':
      return `${name} could not be reached: you may be offline, or it is blocked.`;
    case 'timeout':
      return `${name} took too long to answer. Its articles will come on your next look.`;
    case 'http':
      return `${name} answered with an error (${error.status}).`;
    case 'malformed':
      return `${name} sent an answer Gloss could not read.`;
    case 'not-found':
      return `${name} was not found.`;
    case 'unanswered':
      return 'Gloss is not responding. Reload the page to try again.';
    case 'cancelled':
      return `${name}'s request was cancelled.`;
  }
}

/** The card's news from each source's part. */
export function newsView(
  related: Readonly<Record<NewsSource, NewsPart<RelatedArticle[]>>>,
  title: string,
): NewsView {
  const articles: RelatedArticle[] = [];
  const notes: NewsNote[] = [];
  let loading = false;
  let off = true;
  for (const source of NEWS_SOURCES) {
    const part = related[source];
    if (part.status !== 'off') off = false;
    if (part.status === 'ready') articles.push(...part.value);
    else if (part.status === 'loading') loading = true;
    else if (part.status === 'waiting')
      notes.push({ source, kind: 'waiting', text: waitingNote(source, part.wait) });
    else if (part.status === 'failed')
      notes.push({ source, kind: 'failed', text: failedNote(source, part.error) });
  }
  const stories = groupStories(uniqueByUrl(articles), title);
  return {
    stories,
    notes,
    loading,
    empty: !off && !loading && notes.length === 0 && stories.length === 0,
    off,
  };
}

/** Two sources may list one address: it is one article, newest copy first. */
function uniqueByUrl(articles: readonly RelatedArticle[]): RelatedArticle[] {
  const seen = new Set<string>();
  return [...articles]
    .sort((a, b) => b.date.localeCompare(a.date))
    .filter((article) => {
      if (seen.has(article.url)) return false;
      seen.add(article.url);
      return true;
    });
}
