import { parseXml, type XmlElement } from '@rgrove/parse-xml';
import type { RelatedArticle } from '../core/articles';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { safeHttpUrl } from '../core/text';
import { getText, type HttpDeps } from './http';

/** A reader's RSS or Atom feed, read: its title and its items as articles, in the feed's order. */
export interface Feed {
  title: string;
  articles: RelatedArticle[];
}

/** Longer titles are cut: a feed could put a whole article (or a megabyte) there. */
const MAX_TITLE_CHARS = 300;

/** Items read from one feed: the newest ones are at the top, and a card shows a handful. */
const MAX_ITEMS = 200;

/** Fetches a feed and reads it; a body that is no RSS or Atom feed is `malformed`. */
export async function fetchFeed(url: string, deps: HttpDeps): Promise<Result<Feed, SourceError>> {
  const address = safeHttpUrl(url);
  if (!address)
    return err({ kind: 'malformed', detail: 'a feed address must start with http:// or https://' });
  const answer = await getText(
    address,
    deps,
    'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8',
  );
  return answer.ok ? parseFeed(answer.value.text, address) : answer;
}

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom. Titles and summaries are reduced to plain text (a feed's
 * markup never reaches a page), only http(s) links are kept, and an item without a usable link,
 * title or date is skipped. XML that does not parse is `malformed`, with the parser's reason.
 */
export function parseFeed(xml: string, feedUrl: string): Result<Feed, SourceError> {
  let root: XmlElement | null;
  try {
    root = parseXml(xml).root;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : 'unreadable XML';
    return err({ kind: 'malformed', detail: `not a well-formed feed: ${reason}` });
  }
  const kind = root && localName(root);
  if (!root || (kind !== 'rss' && kind !== 'feed' && kind !== 'RDF')) {
    return err({ kind: 'malformed', detail: 'not an RSS or Atom feed' });
  }
  const channel = kind === 'rss' ? child(root, 'channel') : root;
  if (!channel) return err({ kind: 'malformed', detail: 'an RSS feed without a channel' });
  // RSS 1.0 puts its items beside the channel, not inside it.
  const items =
    kind === 'feed' ? children(root, 'entry') : children(kind === 'RDF' ? root : channel, 'item');
  const articles: RelatedArticle[] = [];
  for (const item of items.slice(0, MAX_ITEMS)) {
    const article = kind === 'feed' ? readEntry(item, feedUrl) : readItem(item, feedUrl);
    if (article) articles.push(article);
  }
  const title = plain(text(child(kind === 'rss' ? channel : root, 'title'))) || hostOf(feedUrl);
  return ok({ title: title.slice(0, MAX_TITLE_CHARS), articles });
}

/** An RSS item: title, link, pubDate (or dc:date), and the outlet from `<source>` when the feed names it. */
function readItem(item: XmlElement, feedUrl: string): RelatedArticle | undefined {
  const url = resolveUrl(text(child(item, 'link')), feedUrl);
  const date = isoDate(text(child(item, 'pubDate')) || text(child(item, 'date')));
  const source = child(item, 'source');
  const sourceUrl = source ? safeHttpUrl(source.attributes.url) : undefined;
  return article(text(child(item, 'title')), url, date, sourceUrl ?? url);
}

/** An Atom entry: title, the alternate link, updated or published. */
function readEntry(entry: XmlElement, feedUrl: string): RelatedArticle | undefined {
  const links = children(entry, 'link');
  const link =
    links.find((candidate) => (candidate.attributes.rel ?? 'alternate') === 'alternate') ??
    links[0];
  const url = resolveUrl(link?.attributes.href, feedUrl);
  const date = isoDate(text(child(entry, 'published')) || text(child(entry, 'updated')));
  return article(text(child(entry, 'title')), url, date, url);
}

function article(
  rawTitle: string,
  url: string | undefined,
  date: string | undefined,
  outlet: string | undefined,
): RelatedArticle | undefined {
  const title = plain(rawTitle).slice(0, MAX_TITLE_CHARS);
  if (!title || !url || !date) return undefined;
  return { url, title, date, domain: hostOf(outlet ?? url) };
}

/** A feed's link, relative ones resolved against the feed; only http(s) survives. */
function resolveUrl(value: string | undefined, feedUrl: string): string | undefined {
  if (!value) return undefined;
  try {
    return safeHttpUrl(new URL(value.trim(), feedUrl).href);
  } catch {
    return undefined;
  }
}

/** RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) as ISO 8601 in UTC; undefined when unreadable. */
function isoDate(value: string): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Every `<…>` replaced by a space, in one pass: a `<` with no `>` after it is text, and so is all
 * that follows it (a pattern would search to the end again from every such `<`: a title of ten
 * thousand of them took seconds).
 */
function withoutTags(value: string): string {
  let text = '';
  for (let at = 0; ;) {
    const open = value.indexOf('<', at);
    const close = open < 0 ? -1 : value.indexOf('>', open + 1);
    if (close < 0) return text + value.slice(at);
    text += `${value.slice(at, open)} `;
    at = close + 1;
  }
}

/**
 * Text without markup: feeds put escaped HTML in titles and descriptions. Tags are dropped and the
 * common entities decoded by hand, since no HTML parser runs here (the background has no DOM).
 */
export function plain(value: string): string {
  return withoutTags(value)
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi, (entity, name: string) => {
      const named: Record<string, string> = {
        nbsp: ' ',
        amp: '&',
        lt: '<',
        gt: '>',
        quot: '"',
        apos: "'",
      };
      const lower = name.toLowerCase();
      if (lower in named) return named[lower]!;
      const code = lower.startsWith('#x')
        ? parseInt(lower.slice(2), 16)
        : parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** An element's name without its namespace prefix ("dc:date" → "date", "rdf:RDF" → "RDF"). */
const localName = (element: XmlElement) => element.name.slice(element.name.indexOf(':') + 1);

const children = (parent: XmlElement, name: string): XmlElement[] =>
  parent.children.filter(
    (node): node is XmlElement => node.type === 'element' && localName(node as XmlElement) === name,
  );

const child = (parent: XmlElement, name: string): XmlElement | undefined =>
  children(parent, name)[0];

const text = (element: XmlElement | undefined): string => element?.text ?? '';
