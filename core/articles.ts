import { ok, type Result } from './result';
import { bareTitle } from './wikis';

/** Recent articles about an entity, from a news source (GDELT) or a feed. */
export interface RelatedArticle {
  url: string;
  title: string;
  domain: string;
  /** ISO 8601, when the source first saw the article. */
  date: string;
  sourceCountry?: string;
  language?: string;
}

/**
 * Undoes GDELT's tokenised titles: "US - China relations ; investors eye U . S . talks" →
 * "US-China relations; investors eye U.S. talks".
 */
export function untokeniseTitle(title: string): string {
  return title
    .replace(/\b([A-Z]) \. (?=[A-Z] \.)/g, '$1.')
    .replace(/\b([A-Z]) \.(?= |$)/g, '$1.')
    .replace(/ ([,;:.!?%)])/g, '$1')
    .replace(/([(]) /g, '$1')
    .replace(/ ' s\b/g, "'s")
    .replace(/(\w) - (\w)/g, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case, letters and digits only, single spaces: for matching names inside titles. */
const words = (text: string) =>
  ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * Whether an article's title names an entity, as whole words: "ASEAN envoys meet" names ASEAN,
 * "Baseanalytics" does not. A title's qualifier goes first: "Georgia (country)" is "Georgia".
 */
export function titleMentions(articleTitle: string, entityTitle: string): boolean {
  const name = words(bareTitle(entityTitle));
  return name.trim() !== '' && words(articleTitle).includes(name);
}

/**
 * A headline as syndication copies it, without case, accents, punctuation or spacing: copies of
 * one story share it.
 */
export const headlineKey = (title: string): string => words(title).trim();

/** Newest first, each syndicated headline once (the newest copy), at most `limit`. */
export function newestUnique(articles: readonly RelatedArticle[], limit: number): RelatedArticle[] {
  const seen = new Set<string>();
  return [...articles]
    .sort((a, b) => b.date.localeCompare(a.date))
    .filter((article) => {
      const key = headlineKey(article.title);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/**
 * An entity's articles from its sources: the news source's, and those of the reader's feeds whose
 * titles name it; newest first, each address once. An error only when no source could be read.
 */
export function combineSources<E>(
  news: Result<RelatedArticle[], E>,
  feeds: ReadonlyArray<Result<RelatedArticle[], E>>,
  name: string,
): Result<RelatedArticle[], E> {
  const read = feeds.flatMap((list) => (list.ok ? [list.value] : []));
  if (!news.ok && read.length === 0) return news;
  const fromFeeds = read.flatMap((list) =>
    list.filter((article) => titleMentions(article.title, name)),
  );
  const urls = new Set<string>();
  return ok(
    [...(news.ok ? news.value : []), ...fromFeeds]
      .sort((a, b) => b.date.localeCompare(a.date))
      .filter((article) => !urls.has(article.url) && urls.add(article.url)),
  );
}
