/**
 * The tests the spotter's rules are made of, each a general fact about how English writes names:
 * when one capitalised word is a name on its own, when words look like a person's name, when "and"
 * joins one name rather than two, when a title stands before a name.
 */
import { isCommonWord, isDemonym } from '../lexicon';
import { isOrdinary, withoutPossessive, type Word } from './word';
import {
  COMPANY_FORMS,
  FIRM_ENDINGS,
  HEADLINE_BREAKS,
  isNeverAName,
  NEVER_ALONE,
  NOT_NAMES,
  NUMBERS,
  ORGANISATION_WORDS,
  QUALIFIERS,
  isTitle,
} from './words';

/** A name has at least two letters ("EU"); one capital alone is an initial. */
const NAME_MIN_CHARS = 2;
/** Words shorter than this are not taken for inflected everyday words ("Ives"). */
const INFLECTED_MIN_CHARS = 5;
/** A person's name, as the rules guess one, has this many words at most (given, middle, family). */
const PERSON_MAX_WORDS = 3;

/** Whether one capitalised word on its own is a candidate name. */
export function keepsAlone(word: Word, headline: boolean, roleAfter = false): boolean {
  const bare = withoutPossessive(word.text);
  if (bare.length < NAME_MIN_CHARS || NEVER_ALONE.has(bare) || isDemonym(bare)) return false;
  // "I'm", "We're", "Um": a sentence's or a quotation's opening words; "Sixty-eight"; "D-Mass.",
  // a lawmaker's party and state.
  if (isNeverAName(word.text) || isNumberWord(bare) || PARTY_AND_STATE.test(bare)) return false;
  // "Todays", "Tuesdays": wire copy without apostrophes, or plurals, of words that are never names.
  if (bare.length > NAME_MIN_CHARS + 2 && bare.endsWith('s') && NEVER_ALONE.has(bare.slice(0, -1)))
    return false;
  // "Delta spokesman Morgan Durrant": an everyday word before someone's role in it is a name.
  if (roleAfter && !headline) return true;
  if ((word.opening || headline || word.allCaps) && isOrdinary(word)) return false;
  // "Analysts say", "Revenues rose": a sentence opening with an inflected everyday word.
  if (word.opening && !word.allCaps && isInflectedCommonWord(bare)) return false;
  return true;
}

/** An everyday word with a plural or verb ending ("Analysts", "Revenues", "Studies", "Voted", "Coaching"). */
export function isInflectedCommonWord(word: string): boolean {
  if (word.length < INFLECTED_MIN_CHARS) return false;
  const stems: string[] = [];
  if (word.endsWith('ies')) stems.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) stems.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) stems.push(word.slice(0, -1));
  if (word.endsWith('ed')) stems.push(word.slice(0, -2), word.slice(0, -1));
  // "Coaching", "Writing": the stem, or the stem that lost its "e" ("Making").
  if (word.endsWith('ing')) stems.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return stems.some((stem) => stem.length > 2 && isCommonWord(stem));
}

/** "D-Mass", "R-Texas": a US lawmaker's party and state after the name. */
const PARTY_AND_STATE = /^[DRI]-[A-Z]/;

/** A number in words, plain or joined by hyphens ("Twenty", "Sixty-eight"). */
function isNumberWord(word: string): boolean {
  if (!word.includes('-')) return NUMBERS.has(word);
  return word
    .split('-')
    .every((part, index) =>
      NUMBERS.has(index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)),
    );
}

/** Everyday words that typically open a sentence before a name: function words, adverbs, verbs. */
export function isStarter(word: string): boolean {
  return NOT_NAMES.has(word) || /(?:ly)$/.test(word) || HEADLINE_BREAKS.has(word);
}

/** A capitalised word that is no organisation's ending ("Georgia", but not "Holdings" or "Inc"). */
export const startsAnotherName = (word: Word) =>
  word.capital && !ORGANISATION_WORDS.has(word.text) && !COMPANY_FORMS.has(word.text);

/**
 * Two or three capitalised words, none an everyday word: "Charles Schumer", "Timea Babos". After a
 * title the evidence is stronger, and a given name may be an everyday word ("Prime Minister Mark
 * Rutte", "Judge Rose Hall"), so long as the family name is not.
 */
export function looksLikePerson(words: Word[], afterTitle = false): boolean {
  return (
    words.length >= 2 &&
    words.length <= PERSON_MAX_WORDS &&
    words.every(
      (word, index) =>
        word.capital &&
        !word.allCaps &&
        ((afterTitle && index < words.length - 1) || !isOrdinary(word)) &&
        !isDemonym(word.text) &&
        !ORGANISATION_WORDS.has(word.text),
    )
  );
}

/**
 * "Oil and Gas", "Brown and Sons", "Securities and Exchange Commission" are one name: an everyday
 * word stands on one side of the "and". "Russia and China" are two.
 */
export function joinsAnd(
  before: Word | undefined,
  after: Word | undefined,
  last: Word | undefined,
): boolean {
  if (before === undefined || after === undefined || !after.capital) return false;
  if (COMPANY_FORMS.has(after.text)) return true;
  const firmEnding =
    last !== undefined &&
    (COMPANY_FORMS.has(last.text) ||
      ORGANISATION_WORDS.has(last.text) ||
      FIRM_ENDINGS.has(last.text));
  // Everyday words on both sides ("Oil and Gas", "Securities and Exchange"), or a firm's ending
  // after one of them ("Samuel Montagu and Sons Ltd"); "Tim Cook and Samsung" are two names.
  return (
    (isOrdinary(before) && isOrdinary(after)) ||
    ((isOrdinary(before) || isOrdinary(after)) && firmEnding)
  );
}

/**
 * A nationality with qualifiers or a title, describing rather than naming: "West German", "Iraqi
 * President"; so with everyday words capitalised only by a sentence's start ("Married Pakistani
 * doctor", but not the book "Positively American").
 */
export function isDescription(words: Word[]): boolean {
  const demonym = words.findIndex((word) => isDemonym(word.text));
  if (demonym < 0) return false;
  return words.every((word, index) =>
    index < demonym
      ? QUALIFIERS.has(word.text) || (words[0]!.opening && isOrdinary(word))
      : index === demonym || isTitle(word.text),
  );
}

/** Where a title stands inside a run with at least two more words after it, or 0. */
export function titleBeforeName(words: Word[]): number {
  for (let index = 1; index < words.length - 2; index += 1) {
    if (!isTitle(words[index]!.text)) continue;
    let after = index;
    while (after < words.length && isTitle(words[after]!.text)) after += 1;
    if (looksLikePerson(words.slice(after), true)) return index;
  }
  return 0;
}
