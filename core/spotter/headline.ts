import { classOf, CODE, LOWER, UPPER } from './characters';

/** Words this long or longer count towards telling a headline. */
const LONG_WORD_CHARS = 4;
/** A headline has at least this many long words… */
const HEADLINE_MIN_LONG_WORDS = 3;
/** …and at least this share of them capitalised. */
const HEADLINE_CAPITALISED_SHARE = 0.75;
/** Longer texts are prose, whatever their capitals. */
export const HEADLINE_MAX_CHARS = 300;

/** Most of the longer words capitalised, as in a headline. */
export function isTitleCase(text: string): boolean {
  let long = 0;
  let capitalised = 0;
  for (let at = 0; at < text.length;) {
    const first = classOf(text.charCodeAt(at));
    at += 1;
    if (first !== UPPER && first !== LOWER) continue;
    // A word: letters, with apostrophes and hyphens inside ("Nyong'o", "Sino-Russian").
    let length = 1;
    for (; at < text.length; at += 1, length += 1) {
      const code = text.charCodeAt(at);
      const kind = classOf(code);
      if (
        kind !== UPPER &&
        kind !== LOWER &&
        code !== CODE.APOSTROPHE &&
        code !== CODE.RIGHT_SINGLE_QUOTE &&
        code !== CODE.HYPHEN
      )
        break;
    }
    if (length >= LONG_WORD_CHARS) {
      long += 1;
      if (first === UPPER) capitalised += 1;
    }
  }
  return long >= HEADLINE_MIN_LONG_WORDS && capitalised >= HEADLINE_CAPITALISED_SHARE * long;
}
