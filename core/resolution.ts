/**
 * Rules for turning a page's names into articles, shared by the background's resolver and its
 * tests. Pure: no storage, no network.
 */

/** Folds case and accents, so "Shoygu" and "Shoigu", "Nyong’o" and "Nyong'o" can be compared. */
export function foldForComparison(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLocaleLowerCase('en');
}

/** Letters apart: the fewest insertions, deletions and substitutions between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether a search result is the same name spelt another way ("Sergei Shoygu" → "Sergei Shoigu"):
 * as many words, each within a small edit distance (one edit per four letters, at least one).
 * Full-text search returns something for almost any query, so anything looser would mark wrongly.
 */
export function isSpellingVariant(name: string, title: string): boolean {
  if (/\(disambiguation\)$/i.test(title)) return false;
  const asked = foldForComparison(name).split(/\s+/);
  const found = foldForComparison(title.replace(/\s*\(.*\)$/, '')).split(/\s+/);
  if (asked.length !== found.length) return false;
  return asked.every((word, index) => {
    const other = found[index]!;
    return (
      editDistance(word, other) <= Math.max(1, Math.floor(Math.min(word.length, other.length) / 4))
    );
  });
}

/** Whether a name is worth a full-text search when its exact title is missing: a name of two words or more. */
export function isSearchable(name: string): boolean {
  return /\S\s+\S/.test(name.trim()) && name.length <= 80;
}

/**
 * Whether `acronym` abbreviates `name`: every capitalised word gives its initial, in order, and a
 * word may give more of its letters ("SouthEast" in "ASEAN"); small words may give nothing.
 */
export function abbreviates(acronym: string, name: string): boolean {
  const letters = acronym.toUpperCase().replace(/[^A-Z]/g, '');
  const words = name.split(/[\s-]+/).filter(Boolean);
  const match = (word: number, at: number): boolean => {
    if (word === words.length) return at === letters.length;
    const current = words[word]!.toUpperCase();
    const required = /^\p{Lu}/u.test(words[word]!);
    if (!required && match(word + 1, at)) return true;
    if (letters[at] !== current[0]) return false;
    // Take the initial, then any further letters of this word in order.
    let position = 1;
    for (let next = at + 1; ; next += 1) {
      if (match(word + 1, next)) return true;
      if (next >= letters.length) return false;
      position = current.indexOf(letters[next]!, position);
      if (position < 0) return false;
      position += 1;
    }
  };
  return letters.length >= 2 && match(0, 0);
}

/**
 * Acronyms that a page defines for itself: "National League for Democracy (NLD)" makes "NLD" mean
 * what the long name means, on that page. Returns acronym → long name.
 */
export function definedAcronyms(
  text: string,
  spans: ReadonlyArray<{ end: number; surface: string }>,
): Map<string, string> {
  const defined = new Map<string, string>();
  for (const span of spans) {
    const match = /^\s*\(([A-Z][A-Za-z.]{1,11})\)/.exec(text.slice(span.end, span.end + 16));
    if (match && span.surface.includes(' ') && abbreviates(match[1]!, span.surface)) {
      defined.set(match[1]!, span.surface);
    }
  }
  return defined;
}
