// The protocol speaks only of the model (core/) and of messaging: what crosses the boundary is
// plain data any context can read, whatever the background stores it as.
import type { RelatedArticle } from '../core/articles';
import type { Attention } from '../core/attention';
import type { Coverage } from '../core/coverage';
import type { Choice, EntitySummary, ReadingEntry, ResolvedName, SearchHit } from '../core/entity';
import type { SourceError } from '../core/errors';
import type { EntityFacts } from '../core/fact-choice';
import type { FoundMentions, PageTextBatch } from '../core/mention-finding';
import type { Result } from '../core/result';
import type { Interest, NewsAnswer, NewsSource } from '../core/news';
import type { MarkMode, MarkStyle, Settings } from '../core/settings';

/** What a page needs to know before it marks anything. */
export interface PageSettings {
  enabled: boolean;
  markMode: MarkMode;
  markStyle: MarkStyle;
  hoverDelayMs: number;
}

/** How much the cache holds. */
export interface CacheStats {
  entities: number;
  aliases: number;
  facts: number;
  related: number;
  /** What the browser says the extension's storage uses, when it says. */
  bytes?: number;
}

/**
 * Everything the other contexts (content script, card frame, popup, options) may ask of the
 * background; `messaging/access.ts` says which of them may ask what. Arguments and answers are
 * plain data: they cross a structured-clone boundary. A page's site and address are never
 * arguments: the background reads them from the browser's own account of the sender.
 */
export interface BackgroundApi {
  /** Whether Gloss runs on the asking page's site, and how it marks; asked before any name leaves the page. */
  pageSettings(): Promise<PageSettings>;
  /**
   * Reads a batch of the page's text for names and answers the mentions to mark (Wikipedia
   * articles, or ambiguous names); asked only once `pageSettings` said Gloss runs on the site. The
   * text is read here and dropped: only the names found in it are looked up. Mentions whose names
   * the cache knows come at once; `later`, when there, is the ticket for the rest, which only the
   * same document can redeem.
   */
  findMentions(batch: PageTextBatch): Promise<FoundMentions & { later?: number }>;
  /** The rest of a batch's mentions, once the names they hang on are looked up. */
  laterMentions(ticket: number): Promise<FoundMentions>;
  /** A one-time ticket the content script hands its card frame with the port (a page cannot). */
  cardTicket(): Promise<string>;
  /** Whether a ticket handed to a card frame was given for the frame's tab (each is good once). */
  redeemCardTicket(ticket: string): Promise<boolean>;
  /** A card's data, from the cache first and the network second. */
  getCard(key: string): Promise<Result<EntitySummary, SourceError>>;
  /** An item's key facts from Wikidata, from the cache first. */
  getFacts(wikidataId: string): Promise<Result<EntityFacts, SourceError>>;
  /**
   * An entity's coverage in the news over the last month (GDELT): the line, its spikes, the
   * highest one's story; or, when it is slow to come, where its request stands (ask again).
   */
  getCoverage(key: string, title: string): Promise<Result<NewsAnswer<Coverage>, SourceError>>;
  /** How many read the entity's Wikipedia article each day of the last month. */
  getAttention(key: string): Promise<Result<NewsAnswer<Attention>, SourceError>>;
  /**
   * One source's latest articles about an entity (by its key and title), newest first; or, when
   * they are slow to come, where the request stands (ask again).
   */
  getRelated(
    key: string,
    title: string,
    source: NewsSource,
  ): Promise<Result<NewsAnswer<RelatedArticle[]>, SourceError>>;
  /**
   * The reader rests on an entity's name, has its card open, or left it: its news requests go
   * ahead of others while it is wanted.
   */
  newsInterest(key: string, interest: Interest | 'none'): Promise<void>;
  /** The meanings an ambiguous name may have (its disambiguation page's links). */
  getChoices(
    name: string,
    disambiguationTitle: string,
  ): Promise<Result<{ choices: Choice[]; pageUrl: string }, SourceError>>;
  /** Remembers the reader's meaning for a name on a site; answers what the name now means. */
  chooseMeaning(site: string, name: string, title: string): Promise<ResolvedName>;
  /** Whether the reader follows an entity, and where they read of it before this page. */
  getReaderData(
    key: string,
    pageUrl: string,
  ): Promise<{ subscribed: boolean; reading: ReadingEntry[] | null }>;
  /** Follows or stops following an entity; answers the new state. */
  setSubscribed(key: string, title: string, subscribed: boolean): Promise<boolean>;
  /** Follows a keyword query; answers the topic, or why the keywords cannot be one. */
  subscribeQuery(keywords: string): Promise<Result<{ key: string; title: string }, string>>;
  /** Stops following a topic and forgets its articles. */
  unsubscribe(key: string): Promise<void>;
  /** Turns a topic's notifications on or off (the permission is asked for by the page, first). */
  setNotify(key: string, notify: boolean): Promise<void>;
  /** Checks every topic's sources now; answers how many were checked and how many articles are new. */
  pollTopics(): Promise<{ checked: number; found: number; rateLimited: boolean }>;
  /** The reader opened these topic articles. */
  markRead(ids: string[]): Promise<void>;
  /** Entities Gloss already knows whose names start with the text (instant, offline). */
  searchLocal(text: string): Promise<SearchHit[]>;
  /** Wikipedia's articles whose titles start with the text; a newer search cancels this one. */
  searchWikipedia(text: string): Promise<Result<SearchHit[], SourceError>>;
  /** Remembers a popup look-up for "Recent". */
  recordLookup(hit: SearchHit): Promise<void>;
  /** Changes settings (each field checked); answers the settings now in force. */
  updateSettings(changes: Partial<Settings>): Promise<Settings>;
  /** Forgets the meaning the reader chose for a name on a site (`alias` as kept). */
  forgetChoice(site: string, alias: string): Promise<void>;
  /** Stops marking a name, on `site` or (`anywhere`) on every site; undone from the options page. */
  unmarkName(site: string, name: string, anywhere: boolean): Promise<void>;
  /** Fetches and reads a feed, to tell the reader whether it works before it is added. */
  checkFeed(url: string): Promise<Result<{ title: string; articles: number }, string>>;
  /** Forgets every page remembered for "In your reading". */
  clearReading(): Promise<void>;
  /** Empties the cache (summaries, facts, articles, looked-up names); keeps the reader's own data. */
  clearCache(): Promise<void>;
  /** The reader's settings, topics and choices, as the text of a backup file to save. */
  exportData(): Promise<string>;
  /** Restores a backup file's text; a bad file changes nothing and says why. */
  importData(text: string): Promise<Result<{ topics: number; choices: number }, string>>;
  /** What the cache holds, for the popup and the options page. */
  getStats(): Promise<CacheStats>;
}

export type BackgroundCall = keyof BackgroundApi;

/** The message on the wire for one call. */
export interface BackgroundRequest<K extends BackgroundCall = BackgroundCall> {
  to: 'background';
  call: K;
  args: Parameters<BackgroundApi[K]>;
}

/** A call's answer; `error` when the handler itself threw (a bug or a broken database). */
export type BackgroundResponse<K extends BackgroundCall> = Result<
  Awaited<ReturnType<BackgroundApi[K]>>
>;

/**
 * Gloss's own messages to its script in a tab: which site it is on and the site switch (the
 * popup's), and a step to the next or previous marked name (a keyboard command's).
 */
export type PageRequest =
  | { to: 'page'; ask: 'site' }
  /** Gloss on or off for `host`, in every frame of the tab on that site. */
  | { to: 'page'; enabled: boolean; host: string }
  /** Open the card of the next (1) or previous (-1) marked name, with focus in it. */
  | { to: 'page'; step: 1 | -1 };

/** The script's answer to `ask: 'site'`. */
export interface PageSite {
  host: string;
  on: boolean;
}
