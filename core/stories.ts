import { headlineKey, type RelatedArticle } from './articles';
import { STOP_WORDS } from './generated/stop-words';

/** One story as several outlets tell it: shown once, with who told it, where and in which language. */
export interface Story<A extends RelatedArticle = RelatedArticle> {
  /** The newest telling: the headline the story is shown by. */
  lead: A;
  /** Every telling, newest first, the lead included (syndicated copies too). */
  articles: A[];
  /** Each once, in the order of `articles`. */
  outlets: string[];
  countries: string[];
  languages: string[];
}

/**
 * The stories told in the reader's language first (GDELT names languages in English: "French"),
 * each group newest first as it was.
 */
export function readerLanguageFirst<A extends RelatedArticle>(
  stories: readonly Story<A>[],
  readerLanguage: string,
): Story<A>[] {
  const own = (story: Story<A>) =>
    story.languages.length === 0 || story.languages.includes(readerLanguage);
  return [...stories.filter(own), ...stories.filter((story) => !own(story))];
}

/** The English name of a BCP 47 language tag ("fr-CA" → "French"), as GDELT writes languages. */
export function languageName(tag: string): string {
  const primary = tag.split(/[-_]/)[0] ?? tag;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(primary) ?? primary;
  } catch {
    return primary;
  }
}

/** Stories a card lists. */
export const STORIES_ON_CARD = 5;

/** Two headlines tell one story when they share at least this many telling words… */
const MIN_SHARED_WORDS = 2;
/** …and these make at least this share of the shorter headline's telling words. */
const MIN_SHARED_SHARE = 0.5;
/**
 * Words are compared by their first letters, a plural's final "s" aside, so "sanction" and
 * "sanctions", "talk" and "talks", "minister" and "ministre" agree without a stemmer per language.
 */
const STEM_LENGTH = 6;
const stem = (word: string) =>
  /\d/.test(word) ? word : word.replace(/(?<=\p{L}{4})s$/u, '').slice(0, STEM_LENGTH);
/** Lower-case words shorter than this say little about a story ("war" aside); acronyms count. */
const MIN_WORD_LENGTH = 4;

/** Made when first asked: the popup and the background start without it. */
let stopWords: Set<string> | undefined;

const unaccented = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

/** The words of `text` (unaccented, lower case), for leaving the entity's own name out of its stories. */
export function nameWords(text: string): Set<string> {
  return new Set(headlineKey(text).split(' ').filter(Boolean));
}

/**
 * The words of a headline that tell its story apart: names, numbers and content words, without
 * function words of any news language and without the words of the entity every headline is
 * about. Names are the same in every language, so headlines in two languages can still agree.
 */
export function tellingWords(title: string, about: ReadonlySet<string> = new Set()): Set<string> {
  stopWords ??= new Set(STOP_WORDS.split(' '));
  const words = new Set<string>();
  for (const written of unaccented(title).split(/[^\p{L}\p{N}]+/u)) {
    const word = written.toLocaleLowerCase();
    // "UN", "EU": short, and function words somewhere, but names when written in capitals.
    const acronym =
      written.length > 1 && written === written.toLocaleUpperCase() && /\p{L}/u.test(written);
    if (word === '' || about.has(word) || (!acronym && stopWords.has(word))) continue;
    if (word.length < MIN_WORD_LENGTH && !acronym && !/\d/.test(word)) continue;
    words.add(stem(word));
  }
  return words;
}

/** Whether two headlines' telling words say they tell one story. */
export function sameStory(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared += 1;
  return (
    shared >= Math.min(MIN_SHARED_WORDS, small.size) && shared / small.size >= MIN_SHARED_SHARE
  );
}

const distinct = (values: ReadonlyArray<string | undefined>) => [
  ...new Set(values.filter((value): value is string => Boolean(value))),
];

/**
 * Groups articles about an entity (`about`, its name) into stories, newest story first, at most
 * `limit`: copies of one headline collapse, and headlines that share most of their telling words
 * join one story, whatever outlet or language told them. An article joins the first story one of
 * whose tellings it agrees with.
 */
export function groupStories<A extends RelatedArticle>(
  articles: readonly A[],
  about = '',
  limit = STORIES_ON_CARD,
): Story<A>[] {
  const aboutWords = nameWords(about);
  const groups: Array<{ tellings: A[]; words: Set<string>[] }> = [];
  // Which stories each headline and each telling word stand in: an article is weighed only
  // against the stories it shares a word with, so many articles cost no more than their number.
  const byCopy = new Map<string, Set<number>>();
  const byWord = new Map<string, number[]>();
  const seenUrls = new Set<string>();
  const newestFirst = [...articles].sort((a, b) => b.date.localeCompare(a.date));
  for (const article of newestFirst) {
    if (seenUrls.has(article.url)) continue;
    seenUrls.add(article.url);
    const words = tellingWords(article.title, aboutWords);
    const copy = headlineKey(article.title);
    const copyOf = byCopy.get(copy) ?? new Set<number>();
    const sharing = new Set<number>(copyOf);
    for (const word of words) for (const group of byWord.get(word) ?? []) sharing.add(group);
    let index = [...sharing]
      .sort((a, b) => a - b)
      .find(
        (group) => copyOf.has(group) || groups[group]!.words.some((told) => sameStory(told, words)),
      );
    if (index === undefined) {
      index = groups.length;
      groups.push({ tellings: [], words: [] });
    }
    const group = groups[index]!;
    group.tellings.push(article);
    group.words.push(words);
    byCopy.set(copy, copyOf.add(index));
    for (const word of words) {
      const list = byWord.get(word);
      if (!list) byWord.set(word, [index]);
      else if (list.at(-1) !== index) list.push(index);
    }
  }
  return groups.slice(0, limit).map(({ tellings }) => ({
    lead: tellings[0]!,
    articles: tellings,
    outlets: distinct(tellings.map((telling) => telling.domain)),
    countries: distinct(tellings.map((telling) => telling.sourceCountry)),
    languages: distinct(tellings.map((telling) => telling.language)),
  }));
}
