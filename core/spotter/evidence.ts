import { isDemonym } from '../lexicon';
import { classOf, OTHER, UPPER } from './characters';
import { languageOf, type Language } from './language';
import type { Word } from './word';

/** Past this length a text's words are gathered once rather than searched for per word. */
const SEARCHED_TEXT_CHARS = 2_000;
/** Plurals shorter than this ("Bus") are left alone: too short to tell from a name. */
const PLURAL_MIN_CHARS = 4;
/** Words shorter than this are not checked for lower-case use ("An", "Al"). */
const LOWER_CASE_CHECK_MIN_CHARS = 3;
/** Two forms of one name share at least this beginning… */
const INFLECTED_PREFIX_CHARS = 4;
/** …and differ by an ending of at most this many letters ("Moyes", "Moyese", "Moyesovi"). */
const INFLECTION_MAX_CHARS = 3;

/** Whether one word is the other with a case ending ("Moyese" of "Moyes", "Berlins" of "Berlin"). */
function isInflection(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length >= INFLECTED_PREFIX_CHARS &&
    long.length - short.length <= INFLECTION_MAX_CHARS &&
    long.startsWith(short.length > INFLECTED_PREFIX_CHARS ? short.slice(0, -1) : short)
  );
}

/**
 * One text being spotted, and what the rules learn from the whole of it: whether a capitalised
 * word also stands in the text in lower case, or without a plural "s". Each is gathered when first
 * asked (most texts never ask), so a text of ten thousand words is searched once, not once a word.
 */
export class TextEvidence {
  private runWords: Set<string> | undefined;
  /** The words written capitalised inside a sentence, by their first letters. */
  private insideWords: Map<string, string[]> | undefined;
  private wordStarts: Map<string, number[]> | undefined;

  constructor(
    readonly text: string,
    private readonly runs: readonly Word[][],
    readonly language: Language = languageOf('en'),
  ) {}

  /**
   * "Americans", or "Texacos" in wire copy that drops apostrophes: the plural or possessive of a
   * name or a demonym that the text also uses on its own. The bare name is found where it stands
   * alone.
   */
  isPluralOfName(word: string): boolean {
    if (word.length < PLURAL_MIN_CHARS || !word.endsWith('s') || word.endsWith('ss')) return false;
    const stem = word.slice(0, -1);
    if (isDemonym(stem)) return true;
    if (!this.runWords) {
      this.runWords = new Set();
      for (const run of this.runs) for (const entry of run) this.runWords.add(entry.text);
    }
    return this.runWords.has(stem);
  }

  /**
   * Whether the text also writes `word` capitalised inside a sentence, where only a name's capital
   * stands: what tells "Moyes" from "Tým" at the start of a sentence without a word list. An
   * inflected form counts ("Moyes" beside "Davida Moyese").
   */
  capitalisedInside(word: string): boolean {
    if (!this.insideWords) {
      this.insideWords = new Map();
      for (const run of this.runs)
        for (const entry of run) {
          if (!entry.capital || entry.opening) continue;
          const key = entry.text.slice(0, INFLECTED_PREFIX_CHARS);
          const list = this.insideWords.get(key);
          if (list) list.push(entry.text);
          else this.insideWords.set(key, [entry.text]);
        }
    }
    const forms = this.insideWords.get(word.slice(0, INFLECTED_PREFIX_CHARS)) ?? [];
    return forms.some((form) => form === word || isInflection(form, word));
  }

  /**
   * A capitalised word that the same text also uses in lower case ("Economists expect …" after
   * "… economists said") is an everyday word, capitalised only by its place.
   */
  usedInLowerCase(word: Word): boolean {
    const { text } = this;
    if (word.allCaps || word.text.length < LOWER_CASE_CHECK_MIN_CHARS) return false;
    const lower = word.text.toLowerCase();
    if (lower === word.text) return false;
    if (text.length <= SEARCHED_TEXT_CHARS) return occursAsWord(text, lower);
    // In a long text, searching once per capitalised word would take time growing with the square
    // of its length: the text's words are gathered once, and a word made of parts ("al-maliki") is
    // looked for only where its first part stands.
    const first = firstWordOf(lower);
    // A capital with no lower case of its own is not gathered (see wordStartsIn): searched for.
    if (classOf(first.charCodeAt(0)) === UPPER) return occursAsWord(text, lower);
    const starts = (this.wordStarts ??= wordStartsIn(text, askableKeys(this.runs))).get(first);
    if (!starts) return false;
    for (const at of starts)
      if (text.startsWith(lower, at) && endsWordAt(text, at + lower.length)) return true;
    return false;
  }
}

/**
 * What `usedInLowerCase` may be asked, as keys of the runs' capitalised words' first parts in
 * lower case: a long text's other words are passed over without being copied out.
 */
function askableKeys(runs: readonly Word[][]): Set<number> {
  const keys = new Set<number>();
  for (const run of runs)
    for (const word of run) {
      if (!word.capital || word.allCaps) continue;
      const { text } = word;
      let end = 0;
      while (end < text.length && classOf(text.charCodeAt(end)) !== OTHER) end += 1;
      if (end > 0)
        keys.add(
          partKey(
            lowerCode(text.charCodeAt(0)),
            lowerCode(text.charCodeAt(end > 1 ? 1 : 0)),
            lowerCode(text.charCodeAt(end - 1)),
            end,
          ),
        );
    }
  return keys;
}

/**
 * A word's first, second and last code units and its length, as one number: few lower-case words
 * of a text share one with a capitalised word, so few are gathered (equal words always do).
 */
const partKey = (first: number, second: number, last: number, length: number): number =>
  ((first * 31 + second) * 31 + last) * 64 + Math.min(length, 63);

/** The code unit in lower case ("A" → "a"; "É" → "é"). */
function lowerCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** The key of the word at `start`–`end` of `text`, as written (a lower-case word's own). */
const keyAt = (text: string, start: number, end: number): number =>
  partKey(
    text.charCodeAt(start),
    text.charCodeAt(end - start > 1 ? start + 1 : start),
    text.charCodeAt(end - 1),
    end - start,
  );

/** Whether `lower` stands in `text` as a whole word, not inside a longer one. */
function occursAsWord(text: string, lower: string): boolean {
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    if (classOf(before) === OTHER && endsWordAt(text, at + lower.length)) return true;
  }
  return false;
}

/** Whether no more of a word follows `end` in `text`. */
function endsWordAt(text: string, end: number): boolean {
  const after = text.charCodeAt(end);
  return after !== after || classOf(after) === OTHER;
}

/**
 * Where each word of `text` (a longest run of letters, marks and digits) that `usedInLowerCase`
 * may ask about (`keys`) starts, but for the capitalised words: only lower-case ones are looked for.
 */
function wordStartsIn(text: string, keys: Set<number>): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  let start = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const other = index === text.length || classOf(text.charCodeAt(index)) === OTHER;
    if (!other) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (keys.has(keyAt(text, start, index)) && classOf(text.charCodeAt(start)) !== UPPER) {
        const word = text.slice(start, index);
        const list = starts.get(word);
        if (list) list.push(start);
        else starts.set(word, [start]);
      }
      start = -1;
    }
  }
  return starts;
}

/** The first word of a word made of parts ("al" of "al-maliki"), or the whole of a plain one. */
function firstWordOf(lower: string): string {
  for (let index = 0; index < lower.length; index += 1)
    if (classOf(lower.charCodeAt(index)) === OTHER) return lower.slice(0, index);
  return lower;
}
