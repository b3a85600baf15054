import { parseXml, type XmlElement } from '@rgrove/parse-xml';
import type { RelatedArticle } from '../core/articles';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { languageName } from '../core/stories';
import { safeHttpUrl } from '../core/text';
import { plain } from './feeds';
import { getText, type HttpDeps } from './http';

/** Where Google News lives: `https://news.google.com`, or a local stand-in. */
export interface GoogleNewsSite {
  origin: string;
}

/** A Google News edition: the interface language, the country, and the two as Google pairs them. */
export interface GoogleNewsEdition {
  hl: string;
  gl: string;
  ceid: string;
}

/**
 * One edition per card language, in the country with the most readers of that language that has
 * an edition of its own (so Mexico's Latin-American Spanish and Brazil's Portuguese, not Spain's or
 * Portugal's), since a reader's country is unknown and their language is all Gloss has.
 */
const EDITIONS: Readonly<Record<string, GoogleNewsEdition>> = {
  cs: { hl: 'cs', gl: 'CZ', ceid: 'CZ:cs' },
  de: { hl: 'de', gl: 'DE', ceid: 'DE:de' },
  en: { hl: 'en-US', gl: 'US', ceid: 'US:en' },
  es: { hl: 'es-419', gl: 'MX', ceid: 'MX:es-419' },
  fr: { hl: 'fr', gl: 'FR', ceid: 'FR:fr' },
  it: { hl: 'it', gl: 'IT', ceid: 'IT:it' },
  nl: { hl: 'nl', gl: 'NL', ceid: 'NL:nl' },
  pl: { hl: 'pl', gl: 'PL', ceid: 'PL:pl' },
  pt: { hl: 'pt-BR', gl: 'BR', ceid: 'BR:pt-419' },
  sv: { hl: 'sv', gl: 'SE', ceid: 'SE:sv' },
};

/** The edition a card language reads ("pt-BR" as "pt"); English (US) for languages Gloss lacks. */
export function editionOf(lang: string): GoogleNewsEdition {
  const primary = lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return EDITIONS[primary] ?? EDITIONS.en!;
}

/** Items read from one answer at most: a search lists up to 100, and a card shows a handful. */
const MAX_ITEMS = 100;

/** Longer titles are cut, as a reader's feeds' are. */
const MAX_TITLE_CHARS = 300;

/**
 * A search for a name as a phrase (in quotes, with none of its own) over the past week, as GDELT
 * is asked, in the card language's edition: one id per request, for a queue.
 */
export function googleNewsParams(name: string, lang: string): Record<string, string> {
  const { hl, gl, ceid } = editionOf(lang);
  return { q: `"${name.replace(/"/g, '')}" when:7d`, hl, gl, ceid };
}

/**
 * A name's newest articles from Google News' RSS search. Only Accept is sent: a custom header
 * (Api-User-Agent) would cost a CORS preflight, and Google asks for none.
 */
export async function fetchGoogleNews(
  name: string,
  lang: string,
  site: GoogleNewsSite,
  deps: HttpDeps,
): Promise<Result<RelatedArticle[], SourceError>> {
  const query = new URLSearchParams(googleNewsParams(name, lang));
  const answer = await getText(
    `${site.origin}/rss/search?${query.toString()}`,
    deps,
    'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8',
  );
  return answer.ok ? parseGoogleNews(answer.value.text, lang) : answer;
}

/**
 * Reads a Google News RSS answer. Each headline loses the " - Outlet" Google appends (only when it
 * is the item's `<source>`: a dash may belong to the headline), the outlet is its site's host, and
 * every article is in the edition's language, named as GDELT names languages. An item without a
 * usable title, http(s) link or date is skipped; XML that does not parse is `malformed`.
 */
export function parseGoogleNews(xml: string, lang: string): Result<RelatedArticle[], SourceError> {
  const channel = readChannel(xml);
  if (!channel.ok) return channel;
  const language = languageName(editionOf(lang).hl);
  const articles: RelatedArticle[] = [];
  for (const item of children(channel.value, 'item').slice(0, MAX_ITEMS)) {
    const article = readItem(item);
    if (article) articles.push({ ...article, language });
  }
  return ok(articles);
}

/** The document's `<rss><channel>`, or why there is none. */
function readChannel(xml: string): Result<XmlElement, SourceError> {
  let root: XmlElement | null;
  try {
    root = parseXml(xml).root;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : 'unreadable XML';
    return err({ kind: 'malformed', detail: `not a well-formed feed: ${reason}` });
  }
  if (root?.name !== 'rss') return err({ kind: 'malformed', detail: 'not an RSS feed' });
  const channel = child(root, 'channel');
  return channel
    ? ok(channel)
    : err({ kind: 'malformed', detail: 'an RSS feed without a channel' });
}

/** One item: its headline, link, date and outlet; undefined when one of the first three is unusable. */
function readItem(item: XmlElement): RelatedArticle | undefined {
  const url = safeHttpUrl(text(child(item, 'link')).trim());
  const date = isoDate(text(child(item, 'pubDate')));
  const source = child(item, 'source');
  const outlet = plain(text(source));
  const title = withoutOutlet(plain(text(child(item, 'title'))), outlet).slice(0, MAX_TITLE_CHARS);
  if (!url || !date || !title) return undefined;
  return { url, title, date, domain: outletDomain(source?.attributes.url, outlet, url) };
}

/** "Headline - Reuters" → "Headline" when the item's source is Reuters; any other title as it is. */
function withoutOutlet(title: string, outlet: string): string {
  const suffix = ` - ${outlet}`;
  return outlet && title.endsWith(suffix) && title.length > suffix.length
    ? title.slice(0, -suffix.length).trim()
    : title;
}

/** The outlet as the card shows it: its site's host, else its name, else the link's host. */
function outletDomain(sourceUrl: string | undefined, outlet: string, link: string): string {
  const site = safeHttpUrl(sourceUrl?.trim());
  return hostOf(site ?? '') || outlet || hostOf(link);
}

/** An address's host without "www."; empty when it is no address. */
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** RFC 822 as ISO 8601 in UTC; undefined when unreadable. */
function isoDate(value: string): string | undefined {
  const time = value.trim() ? Date.parse(value.trim()) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Google's feed uses no namespace for the elements read here, so names are compared whole. */
const children = (parent: XmlElement, name: string): XmlElement[] =>
  parent.children.filter(
    (node): node is XmlElement => node.type === 'element' && (node as XmlElement).name === name,
  );

const child = (parent: XmlElement, name: string): XmlElement | undefined =>
  children(parent, name)[0];

const text = (element: XmlElement | undefined): string => element?.text ?? '';
