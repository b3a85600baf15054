import type { Choice, EntitySummary, ReadingEntry, ResolvedName } from '../core/entity';
import type { SourceError } from '../core/errors';
import type { EntityFacts } from '../core/facts';
import type { RelatedArticle } from '../core/articles';
import type { Result } from '../core/result';

/**
 * Everything the other contexts (content script, popup, options) may ask of the background.
 * Arguments and answers are plain data: they cross a structured-clone boundary.
 */
export interface BackgroundApi {
  /** Whether Gloss runs on this host, and how it marks; asked before any name leaves the page. */
  pageSettings(host: string): Promise<{ enabled: boolean; markMode: 'every' | 'first' }>;
  /**
   * The page's unique candidate names, and its site (for the reader's choices there); answers
   * the ones that are Wikipedia articles, or ambiguous.
   */
  resolveNames(names: string[], site: string): Promise<Record<string, ResolvedName>>;
  /** A card's data, from the cache first and the network second. */
  getCard(key: string): Promise<Result<EntitySummary, SourceError>>;
  /** An item's key facts from Wikidata, from the cache first. */
  getFacts(wikidataId: string): Promise<Result<EntityFacts, SourceError>>;
  /** The latest articles about an entity (by its key and title), newest first, each story once. */
  getRelated(key: string, title: string): Promise<Result<RelatedArticle[], SourceError>>;
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
  /** Notes that this page mentions these entities (kept on the device, when the reader allows it). */
  noteReading(page: { url: string; title: string }, keys: string[]): Promise<void>;
  /** What the cache holds, for the popup. */
  getStats(): Promise<{ entities: number; aliases: number }>;
}

export type BackgroundCall = keyof BackgroundApi;

/** The message on the wire for one call. */
export interface BackgroundRequest<K extends BackgroundCall = BackgroundCall> {
  to: 'gloss-background';
  call: K;
  args: Parameters<BackgroundApi[K]>;
}

/** A call's answer; `error` when the handler itself threw (a bug or a broken database). */
export type BackgroundResponse<K extends BackgroundCall> = Result<
  Awaited<ReturnType<BackgroundApi[K]>>
>;
