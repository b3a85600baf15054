/** The reader's preferences: their shape, defaults and checks (stored by data/settings.ts). */
import { normaliseAlias } from './alias';
import { DEFAULT_OFF_SITES } from './sites';
import { wikiOfLanguage } from './wikis';

export { isEnabledOn, switchSite } from './sites';

/** Mark every mention of a name, or only its first on each page. */
export type MarkMode = 'every' | 'first';

/** How a mention is marked: a dotted underline, or a light tint behind it. */
export type MarkStyle = 'underline' | 'tint';

/** The hover delays the reader can pick: quicker, Wikipedia's own, calmer. */
export const HOVER_DELAYS_MS = [300, 500, 800] as const;

/** A name the reader asked Gloss not to mark (as looked up: `normaliseAlias`): on one site, or anywhere. */
export interface UnmarkedName {
  name: string;
  /** The site it is not marked on; absent: not on any site. */
  site?: string;
}

/**
 * The version of the settings' stored shape: raised with each migration (data/settings-store.ts),
 * and written beside settings that are current.
 */
export const SETTINGS_VERSION = 6;

/** The reader's preferences, versioned so later releases can migrate them. */
export interface Settings {
  /**
   * The Wikipedia cards are shown from (its code, "fr"), whatever the page's language; empty: the
   * browser's own language.
   */
  cardLanguage: string;
  markMode: MarkMode;
  /** Sites (host names) where Gloss stays off; webmail and messaging sites at first. */
  disabledSites: string[];
  /** Private addresses (localhost, the local network) where the reader turned Gloss on. */
  enabledSites: string[];
  /** The reader's own RSS or Atom feeds, searched for a card's latest articles. */
  feeds: string[];
  /** Whether pages where Gloss found an entity are remembered for the card's "In your reading". */
  rememberReading: boolean;
  markStyle: MarkStyle;
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: number;
  /** Whether GDELT is asked for latest articles and the news line (the reader's feeds are asked either way). */
  useGdelt: boolean;
  /**
   * Whether Google News is asked for latest articles, in the card language. Off until the reader
   * turns it on: Google learns each name asked and the reader's address.
   */
  useGoogleNews: boolean;
  /** Whether Wikidata is asked for a card's key facts. */
  useWikidata: boolean;
  /** Whether Wikimedia's pageviews are asked for the card's attention line. */
  usePageviews: boolean;
  /** Names the reader asked not to be marked, from a card; undone from the options page. */
  unmarkedNames: UnmarkedName[];
}

export const DEFAULT_SETTINGS: Settings = {
  cardLanguage: '',
  markMode: 'every',
  disabledSites: [...DEFAULT_OFF_SITES],
  enabledSites: [],
  feeds: [],
  rememberReading: true,
  markStyle: 'underline',
  hoverDelayMs: 500,
  useGdelt: true,
  useGoogleNews: false,
  useWikidata: true,
  usePageviews: true,
  unmarkedNames: [],
};

/** Feeds a reader may add: enough for a morning's reading, few enough to poll politely. */
export const MAX_FEEDS = 30;
/** Sites a reader may list; a host name is at most 253 characters. */
const MAX_SITES = 1_000;
const MAX_HOST_CHARS = 253;
const MAX_FEED_URL_CHARS = 2_000;
/** Names a reader may keep unmarked, and how long one may be. */
const MAX_UNMARKED_NAMES = 1_000;
const MAX_NAME_CHARS = 200;

/** Whether a feed address is one Gloss may read: http(s), of a sane length. */
export function isFeedAddress(url: string): boolean {
  if (url.length > MAX_FEED_URL_CHARS) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Settings as Gloss keeps them, from anything: what the options page sends, what storage holds,
 * what a backup file says. Each field is checked the same way wherever it comes from; lists keep
 * their first valid entries up to their bound.
 */
export function sanitiseSettings(stored: unknown): Settings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const strings = (list: unknown) =>
    Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : undefined;
  const sites = (list: unknown) =>
    strings(list)
      ?.filter((site) => site.length > 0 && site.length <= MAX_HOST_CHARS)
      .slice(0, MAX_SITES);
  const feeds = strings(value.feeds)?.filter(isFeedAddress);
  return {
    // Releases before cards followed the reader's language kept one Wikipedia for everything.
    cardLanguage: cardLanguageFrom(value.cardLanguage ?? value.wikipediaLang),
    markMode: value.markMode === 'first' || value.markMode === 'every' ? value.markMode : 'every',
    disabledSites: sites(value.disabledSites) ?? DEFAULT_SETTINGS.disabledSites,
    enabledSites: sites(value.enabledSites) ?? DEFAULT_SETTINGS.enabledSites,
    feeds: feeds ? [...new Set(feeds)].slice(0, MAX_FEEDS) : DEFAULT_SETTINGS.feeds,
    rememberReading:
      typeof value.rememberReading === 'boolean'
        ? value.rememberReading
        : DEFAULT_SETTINGS.rememberReading,
    markStyle: value.markStyle === 'tint' ? 'tint' : 'underline',
    hoverDelayMs: HOVER_DELAYS_MS.includes(value.hoverDelayMs as 500)
      ? (value.hoverDelayMs as number)
      : DEFAULT_SETTINGS.hoverDelayMs,
    useGdelt: flag(value.useGdelt, DEFAULT_SETTINGS.useGdelt),
    useGoogleNews: flag(value.useGoogleNews, DEFAULT_SETTINGS.useGoogleNews),
    useWikidata: flag(value.useWikidata, DEFAULT_SETTINGS.useWikidata),
    usePageviews: flag(value.usePageviews, DEFAULT_SETTINGS.usePageviews),
    unmarkedNames: unmarkedNamesFrom(value.unmarkedNames),
  };
}

/** A stored switch, or its default when it is not one. */
const flag = (stored: unknown, fallback: boolean): boolean =>
  typeof stored === 'boolean' ? stored : fallback;

/** A stored card language: a Wikipedia Gloss reads, or empty for the browser's language. */
function cardLanguageFrom(stored: unknown): string {
  return typeof stored === 'string' && wikiOfLanguage(stored) === stored ? stored : '';
}

/** The Wikipedia cards are shown from: the reader's choice, or else the browser's language's. */
export function cardWiki(settings: Pick<Settings, 'cardLanguage'>, uiLanguage: string): string {
  return settings.cardLanguage || wikiOfLanguage(uiLanguage) || 'en';
}

/** The unmarked names in a stored list: each checked and normalised, each kept once. */
function unmarkedNamesFrom(list: unknown): UnmarkedName[] {
  if (!Array.isArray(list)) return [];
  const kept = new Map<string, UnmarkedName>();
  for (const entry of list) {
    const { name, site } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    if (typeof name !== 'string' || name.length > MAX_NAME_CHARS) continue;
    const normalised = normaliseAlias(name);
    if (!normalised) continue;
    const onSite = typeof site === 'string' && site.length > 0 && site.length <= MAX_HOST_CHARS;
    const item = onSite ? { name: normalised, site } : { name: normalised };
    kept.set(`${item.site ?? ''}\n${item.name}`, item);
    if (kept.size >= MAX_UNMARKED_NAMES) break;
  }
  return [...kept.values()];
}

/** The list with `name` unmarked on `site`, or anywhere when no site is given. */
export function unmarkName(
  list: readonly UnmarkedName[],
  name: string,
  site?: string,
): UnmarkedName[] {
  return unmarkedNamesFrom([...list, site ? { name, site } : { name }]);
}

/** The names not marked on `site` (normalised), from the reader's list. */
export function unmarkedOn(list: readonly UnmarkedName[], site: string): Set<string> {
  return new Set(
    list.filter((entry) => !entry.site || entry.site === site).map((entry) => entry.name),
  );
}
