/**
 * Who may ask the background what. A content script runs inside pages Gloss does not trust: it
 * may ask only what marking its own page needs, and its page is whatever the browser says it is,
 * never what the message says. Gloss's own pages (the popup, the options, the card's frame) may
 * ask everything. Nothing outside Gloss may ask anything.
 */
import type { Caller, CallerKind } from '../core/caller';
import { NEWS_SOURCES } from '../core/news';
import type { BackgroundApi, BackgroundCall } from './protocol';

/** Who sent a message, as the browser tells it (`runtime.MessageSender`). */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  documentId?: string;
  tab?: { id?: number; incognito?: boolean };
}

/** The kinds of caller the background tells apart. */
export type { Caller, CallerKind } from '../core/caller';

/** Which callers may make each call. */
export const ALLOWED_CALLERS: { readonly [K in BackgroundCall]: readonly CallerKind[] } = {
  // What a page's own marking needs, and no more.
  pageSettings: ['content'],
  findMentions: ['content'],
  laterMentions: ['content'],
  cardTicket: ['content'],
  redeemCardTicket: ['extension'],
  // The card is drawn by Gloss's frame, which is an extension page: a content script never asks
  // for any entity's data, history or the reader's choices.
  getCard: ['extension'],
  getFacts: ['extension'],
  getRelated: ['extension'],
  getCoverage: ['extension'],
  getAttention: ['extension'],
  newsInterest: ['extension'],
  getChoices: ['extension'],
  chooseMeaning: ['extension'],
  getReaderData: ['extension'],
  setSubscribed: ['extension'],
  subscribeQuery: ['extension'],
  unsubscribe: ['extension'],
  setNotify: ['extension'],
  pollTopics: ['extension'],
  markRead: ['extension'],
  searchLocal: ['extension'],
  searchWikipedia: ['extension'],
  recordLookup: ['extension'],
  updateSettings: ['extension'],
  unmarkName: ['extension'],
  forgetChoice: ['extension'],
  checkFeed: ['extension'],
  clearReading: ['extension'],
  clearCache: ['extension'],
  exportData: ['extension'],
  importData: ['extension'],
  getStats: ['extension'],
};

/**
 * Who a sender is, or undefined when it is not Gloss's at all (another extension, a web page
 * through some other channel). `ownOrigin` is Gloss's own pages' origin (`chrome-extension://id`).
 */
export function callerOf(sender: Sender, ownId: string, ownOrigin: string): Caller | undefined {
  if (sender.id !== ownId || typeof sender.url !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  const incognito = sender.tab?.incognito === true;
  const tab = sender.tab?.id;
  const frame = sender.frameId ?? 0;
  const document = `${tab ?? 'no-tab'}:${frame}:${sender.documentId ?? sender.url}`;
  if (sender.url.startsWith(`${ownOrigin}/`))
    return { kind: 'extension', url: sender.url, site: '', document, tab, frame, incognito };
  // A content script runs in a tab's page (top frame or not) on the web. A frame a page's script
  // wrote (about:blank, about:srcdoc) has no address of its own: its origin is its parent's.
  const web = (address: URL) => address.protocol === 'http:' || address.protocol === 'https:';
  let site = web(url) ? url.hostname : undefined;
  if (url.protocol === 'about:' && frame !== 0 && sender.origin)
    try {
      const origin = new URL(sender.origin);
      if (web(origin)) site = origin.hostname;
    } catch {
      // No origin the browser vouches for: no answer.
    }
  if (tab === undefined || site === undefined) return undefined;
  return { kind: 'content', url: sender.url, site, document, tab, frame, incognito };
}

/** Whether `caller` may make `call`. */
export const mayCall = (caller: Caller, call: BackgroundCall): boolean =>
  ALLOWED_CALLERS[call].includes(caller.kind);

// Arguments, checked for shape and size before any work: a content script's page is hostile,
// and even Gloss's own pages get a clear error rather than a half-done change.

type Check = (value: unknown) => boolean;
const text =
  (max: number): Check =>
  (value) =>
    typeof value === 'string' && value.length <= max;
const integer: Check = (value) => Number.isSafeInteger(value);
const flag: Check = (value) => typeof value === 'boolean';
const object: Check = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const texts =
  (items: number, max: number): Check =>
  (value) =>
    Array.isArray(value) && value.length <= items && value.every(text(max));

const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value);

/** An article key or title ("en:ASEAN"), a Wikidata id, a name. */
const KEY = text(600);
/** A page address. */
const URL_TEXT = text(4_000);
/** What a reader types into a search or a topic. */
const TYPED = text(500);
/** A backup file's text (its own parser bounds what is inside). */
const BACKUP = text(5_000_000);

/** Each call's arguments, in order: every one must pass, and there must be no more. */
export const ARGUMENTS: { readonly [K in BackgroundCall]: readonly Check[] } = {
  pageSettings: [],
  // The batch's own checker (core/mentions) reads it field by field.
  findMentions: [object],
  laterMentions: [integer],
  cardTicket: [],
  redeemCardTicket: [text(100)],
  getCard: [KEY],
  getFacts: [KEY],
  getRelated: [KEY, KEY, oneOf(NEWS_SOURCES)],
  getCoverage: [KEY, KEY],
  getAttention: [KEY],
  newsInterest: [KEY, oneOf(['open', 'intent', 'none'])],
  getChoices: [KEY, KEY],
  chooseMeaning: [text(300), KEY, KEY],
  getReaderData: [KEY, URL_TEXT],
  setSubscribed: [KEY, KEY, flag],
  subscribeQuery: [TYPED],
  unsubscribe: [KEY],
  setNotify: [KEY, flag],
  pollTopics: [],
  markRead: [texts(1_000, 5_000)],
  searchLocal: [TYPED],
  searchWikipedia: [TYPED],
  recordLookup: [object],
  updateSettings: [object],
  unmarkName: [text(300), KEY, flag],
  forgetChoice: [text(300), KEY],
  checkFeed: [URL_TEXT],
  clearReading: [],
  clearCache: [],
  exportData: [],
  importData: [BACKUP],
  getStats: [],
};

/** Whether a call's arguments have the shape and size it takes. */
export function argumentsFit(call: BackgroundCall, args: readonly unknown[]): boolean {
  const checks = ARGUMENTS[call];
  return args.length <= checks.length && checks.every((check, index) => check(args[index]));
}

/** The background's handlers: each call's, told who is calling. */
export type BackgroundHandlers = {
  [K in BackgroundCall]: (
    caller: Caller,
    ...args: Parameters<BackgroundApi[K]>
  ) => ReturnType<BackgroundApi[K]>;
};
