/**
 * The second pass: one run of capitalised words becomes zero or more names. A run is cut into
 * pieces where it joins separate names (`split`), then each piece goes through the trimming steps
 * below in order, each one a rule of English with its own tests, and what is left is a name.
 */
import type { TextEvidence } from './evidence';
import { isDescription, isStarter, keepsAlone, looksLikePerson, titleBeforeName } from './rules';
import type { Span } from './span';
import { split } from './split';
import { isOrdinary, isPossessive, type Word } from './word';
import { classOf, CODE, UPPER } from './characters';
import {
  DATES,
  LOWER_SUFFIXES,
  isNeverAName,
  ORGANISATION_WORDS,
  PERSONAL_TITLES,
  ROLE_MAX_CHARS,
  ROLES,
  isTitle,
  TITLE_ARTICLES,
} from './words';

/** Adds the names in one run of words to `spans`. */
export function emit(
  evidence: TextEvidence,
  words: Word[],
  spans: Span[],
  headline: boolean,
): void {
  const { elisionBefore } = evidence.language;
  let run =
    elisionBefore && words.some((word) => elisionBefore(word.text) > 0)
      ? words.flatMap((word) => withoutElision(word, elisionBefore))
      : words;
  if (evidence.language.capitalisesNouns) run = withoutNounEdges(run.map(withoutNounTail));
  if (run.length === 0) return;
  if (run.length === 1) {
    // Most runs are one word: only the single-word rules apply.
    const word = run[0]!;
    if (standsAlone(evidence, word, headline) && !(headline && isOrdinary(word)))
      pushName(evidence.text, run, spans);
    return;
  }
  for (const piece of split(evidence, run, headline)) {
    let words = dropTitles(
      dropOpeningStarter(
        dropOpeningNounBeforeOf(
          dropOpeningFunctionWords(piece, false, evidence.language.isFunctionWord),
        ),
      ),
    );
    // What stands before the person in "Securities and Exchange Commission John Shad" and in
    // "Georgia Power Chairman Robert W. Scherer" is a name of its own.
    for (const cut of [organisationBeforePerson, organisationAndTitleBeforePerson]) {
      const parts = cut(words);
      if (!parts) continue;
      if (parts.before.length > 0) emit(evidence, parts.before, spans, headline);
      words = parts.rest;
    }
    words = dropTrailingNonNames(words);
    if (words.length === 0 || isDescription(words) || isOffice(words)) continue;
    if (words.length === 1 && !standsAlone(evidence, words[0]!, headline)) continue;
    pushName(evidence.text, words, spans);
  }
}

/**
 * A word without the article or preposition elided before it ("l’Assemblée" → "Assemblée"); none
 * when what follows is no name ("L’appareil" opening a sentence).
 */
function withoutElision(word: Word, elisionBefore: (word: string) => number): Word[] {
  const elided = elisionBefore(word.text);
  if (elided === 0) return [word];
  const text = word.text.slice(elided);
  if (classOf(text.charCodeAt(0)) !== UPPER) return [];
  return [{ ...word, text, start: word.start + elided }];
}

/**
 * Where nouns are capitalised, a compound of a name and a noun ("iOS-Version", "Skype-Anrufe")
 * names only its first part; the noun after the last hyphen goes.
 */
function withoutNounTail(word: Word): Word {
  const hyphen = word.text.lastIndexOf('-');
  if (hyphen <= 0 || !isPlainCapitalised(word.text.slice(hyphen + 1))) return word;
  return { ...word, text: word.text.slice(0, hyphen), end: word.start + hyphen };
}

/**
 * A sentence's first word, in a language Gloss has no everyday-word list for: a name only when the
 * text writes it capitalised inside a sentence too ("Moyes je…" beside "… David Moyes"), unless
 * its form says so ("iPhone", "AgileBits").
 */
const openingUnsupported = (evidence: TextEvidence, word: Word): boolean =>
  evidence.language.readsOpeningsByEvidence &&
  word.opening &&
  isPlainCapitalised(word.text) &&
  !evidence.capitalisedInside(word.text);

/**
 * Where nouns are capitalised, a run with a word whose form makes it a name ("1Password", "iOS")
 * is that name, and the plain capitalised words at its edges are the nouns beside it
 * ("Passwortmanagers 1Password"). A run of plain words alone may be a name ("Mac App Store").
 */
function withoutNounEdges(run: Word[]): Word[] {
  if (!run.some((word) => word.capital && !isPlainCapitalised(word.text))) return run;
  let from = 0;
  let to = run.length;
  while (from < to && (isPlainCapitalised(run[from]!.text) || !run[from]!.capital)) from += 1;
  while (to > from && (isPlainCapitalised(run[to - 1]!.text) || !run[to - 1]!.capital)) to -= 1;
  return run.slice(from, to);
}

/** "Version", "Berlin": a capital first letter and nothing else to tell it from a noun. */
const isPlainCapitalised = (word: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(word);

/** Titles with no name after them ("the Prime Minister", "Chief Executive") name an office, not anyone. */
export const isOffice = (words: Word[]): boolean => words.every((word) => isTitle(word.text));

/** The span of `words`, without a possessive ending ("Myanmar’s" → "Myanmar"). */
function pushName(text: string, words: Word[], spans: Span[]): void {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const end = isPossessive(last.text) ? last.end - 2 : last.end;
  spans.push({ start: first.start, end, surface: text.slice(first.start, end) });
}

/** One word is a name alone when the rules allow it and the text gives no sign it is an everyday word. */
function standsAlone(evidence: TextEvidence, word: Word, headline: boolean): boolean {
  return (
    keepsAlone(word, headline, roleFollows(evidence.text, word.end)) &&
    !evidence.language.isFunctionWord(word.text) &&
    !(evidence.language.capitalisesNouns && isPlainCapitalised(word.text)) &&
    !openingUnsupported(evidence, word) &&
    !evidence.isPluralOfName(word.text) &&
    !evidence.usedInLowerCase(word)
  );
}

/** Whether the word after `end` is a role someone holds in what precedes it ("spokesman"). */
function roleFollows(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== CODE.SPACE) return false;
  const next = /^[a-z]+/.exec(text.slice(end + 1, end + 2 + ROLE_MAX_CHARS))?.[0];
  return next !== undefined && ROLES.has(next);
}

/**
 * Opening function words and the connectors after them go ("At the United Nations"), but for an
 * article capitalised inside a sentence: that capital says it is part of the name ("according to
 * The Associated Press", "a segment on A Current Affair").
 */
export function dropOpeningFunctionWords(
  words: Word[],
  headline = false,
  isFunctionWord: (word: string) => boolean = () => false,
): Word[] {
  const [first, second] = words;
  if (!headline && first && second?.capital && !first.opening && TITLE_ARTICLES.has(first.text))
    return words;
  let from = 0;
  // A function word of the page's language goes only where it opens the sentence: inside one, its
  // capital says it begins the name ("en Nueva Zelanda").
  const opensOnly = (word: Word) =>
    !word.capital || isNeverAName(word.text) || (word.opening && isFunctionWord(word.text));
  while (from < words.length && opensOnly(words[from]!)) from += 1;
  return words.slice(from);
}

/**
 * "Shares of Target Corp.": an everyday noun opening a sentence, then "of", is no part of the name
 * after it (but "Bank of America" and "University of Alabama" are names).
 */
export function dropOpeningNounBeforeOf(words: Word[]): Word[] {
  const [first, second] = words;
  if (
    words.length <= 2 ||
    !first!.opening ||
    !isOrdinary(first!) ||
    second!.capital ||
    ORGANISATION_WORDS.has(first!.text) ||
    isTitle(first!.text)
  )
    return words;
  let from = 1;
  while (from < words.length && !words[from]!.capital) from += 1;
  return words.slice(from);
}

/**
 * A sentence's first word is capitalised by grammar: it goes when it is an everyday word that names
 * nothing here ("Asked about Nardelli", "Despite Home Depot's...").
 */
export function dropOpeningStarter(words: Word[]): Word[] {
  const first = words[0];
  return words.length > 1 && first!.opening && isOrdinary(first!) && isStarter(first!.text)
    ? words.slice(1)
    : words;
}

/**
 * Titles before a name go, but only when a full name follows them, so "General Assembly" keeps its
 * first word; "Secretary of Commerce" is an office, and "Foreign Policy Institute" an organisation.
 */
export function dropTitles(words: Word[]): Word[] {
  while (
    ((words.length > 2 && isTitle(words[0]!.text)) ||
      (words.length > 1 && PERSONAL_TITLES.has(words[0]!.text))) &&
    words[1]!.capital &&
    !words.some((word) => ORGANISATION_WORDS.has(word.text))
  ) {
    words = words.slice(1);
    // "Senior General Min Aung Hlaing", "Lieutenant General ...": General is a rank only after another.
    if (words.length > 2 && words[0]!.text === 'General') words = words.slice(1);
  }
  return words;
}

/** Where a run holds two names: what comes before, and the rest. */
type Parts = { before: Word[]; rest: Word[] };

/** "Securities and Exchange Commission John Shad": an organisation, then a person. */
export function organisationBeforePerson(words: Word[]): Parts | undefined {
  const head =
    words.length >= 4
      ? words.findIndex((word, index) => index > 0 && ORGANISATION_WORDS.has(word.text))
      : -1;
  if (head <= 0 || head >= words.length - 2 || !looksLikePerson(words.slice(head + 1)))
    return undefined;
  return { before: words.slice(0, head + 1), rest: words.slice(head + 1) };
}

/** "Georgia Power Chairman Robert W. Scherer": an organisation, a title, then a person. */
export function organisationAndTitleBeforePerson(words: Word[]): Parts | undefined {
  const title = titleBeforeName(words);
  if (title <= 0) return undefined;
  let after = title;
  while (isTitle(words[after]!.text)) after += 1;
  return { before: dropDescriptors(words.slice(0, title)), rest: words.slice(after) };
}

/**
 * Everyday words before a title describe the person ("Legendary DJ Casey Kasem", "Former Chairman
 * John Reed"): no name of their own. An organisation before a title keeps its name ("Georgia
 * Power Chairman Robert Scherer").
 */
export function dropDescriptors(words: Word[]): Word[] {
  return words.every((word) => isOrdinary(word) && !ORGANISATION_WORDS.has(word.text)) ? [] : words;
}

/** A name does not end in a connector, a date or a question word ("Orange County July", "Partners What"). */
export function dropTrailingNonNames(words: Word[]): Word[] {
  let end = words.length;
  while (end > 0) {
    const last = words[end - 1]!;
    if (
      (!last.capital && !LOWER_SUFFIXES.has(last.text)) ||
      DATES.has(last.text) ||
      isNeverAName(last.text)
    )
      end -= 1;
    else break;
  }
  return words.slice(0, end);
}
