/**
 * What kind of character a UTF-16 code unit is, for finding words: one classifier for the spotter
 * and the known-name matcher. ASCII is a table; other code units are worked out once each and
 * cached.
 */

/** Spaces, punctuation, symbols, and the halves of astral characters (emoji): between words. */
export const OTHER = 1;
/** Capital letters (and title-case letters). */
export const UPPER = 2;
/** Any other letter or mark, including the letters of scripts without capitals. */
export const LOWER = 3;
/** Digits of any script. */
export const DIGIT = 4;

export const CODE = {
  LINE_FEED: 10,
  CARRIAGE_RETURN: 13,
  SPACE: 32,
  EXCLAMATION: 33,
  QUOTE: 34,
  APOSTROPHE: 39,
  OPEN_PAREN: 40,
  HYPHEN: 45,
  FULL_STOP: 46,
  COLON: 58,
  SEMICOLON: 59,
  QUESTION: 63,
  LOWER_S: 115,
  NO_BREAK_SPACE: 0xa0,
  HYPHEN_UNICODE: 0x2010,
  EN_DASH: 0x2013,
  EM_DASH: 0x2014,
  RIGHT_SINGLE_QUOTE: 0x2019,
  LEFT_DOUBLE_QUOTE: 0x201c,
  BULLET: 0x2022,
} as const;

const nonAscii = new Uint8Array(0x10000);
const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;

/** The class of each ASCII code. */
export const ASCII = new Uint8Array(128).map((_, code) =>
  code >= 97 && code <= 122
    ? LOWER
    : code >= 65 && code <= 90
      ? UPPER
      : code >= 48 && code <= 57
        ? DIGIT
        : OTHER,
);

export function classOf(code: number): number {
  return code < 128 ? ASCII[code]! : classOfNonAscii(code);
}

export function classOfNonAscii(code: number): number {
  let kind = nonAscii[code]!;
  if (kind === 0) {
    kind = quickClassOf(code) ?? classByProperty(String.fromCharCode(code));
    nonAscii[code] = kind;
  }
  return kind;
}

/** Whether a code unit is part of a word: a letter, a mark or a digit. */
export const isWordCode = (code: number): boolean => classOf(code) !== OTHER;

/**
 * The class of most characters a page in a cased script holds, told without the Unicode-property
 * regular expressions, which took about 2 ms to compile in every tab: letters below U+2000 by their
 * case mappings, and by their block the punctuation, symbols and emoji halves that pages are full
 * of. (Checked against the regular expressions for every code unit these cover.)
 */
function quickClassOf(code: number): number | undefined {
  if (code < 0x2000) {
    const char = String.fromCharCode(code);
    const lower = char.toLowerCase();
    if (lower !== char.toUpperCase()) return char === lower ? LOWER : UPPER;
    if (code >= 0xa0 && code <= 0xbf) return LATIN1_SIGNS.get(code) ?? OTHER;
    return code === 0xd7 || code === 0xf7 ? OTHER : undefined;
  }
  for (const [from, to] of SIGN_BLOCKS) if (code >= from && code <= to) return OTHER;
  return code >= 0xfe00 && code <= 0xfe0f ? LOWER : undefined;
}

/** In U+00A0–U+00BF, the few that are not punctuation or symbols: ª º, and ² ³ ¹ ¼ ½ ¾. */
const LATIN1_SIGNS = new Map([
  [0xaa, LOWER],
  [0xba, LOWER],
  [0xb2, DIGIT],
  [0xb3, DIGIT],
  [0xb9, DIGIT],
  [0xbc, DIGIT],
  [0xbd, DIGIT],
  [0xbe, DIGIT],
]);

/** Blocks of punctuation and symbols only, and the halves of emoji and other astral characters. */
const SIGN_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
  [0x2190, 0x23ff],
  [0x2500, 0x2775],
  [0x2794, 0x27bf],
  [0x2b00, 0x2bff],
  [0xd800, 0xdfff],
];

function classByProperty(char: string): number {
  return UPPER_RE.test(char)
    ? UPPER
    : LETTER_RE.test(char)
      ? LOWER
      : DIGIT_RE.test(char)
        ? DIGIT
        : OTHER;
}

/** Characters that join two parts of one word: apostrophes, hyphens, inner dots ("U.S", "Nyong'o"). */
export const isJoiner = (code: number): boolean =>
  code === CODE.APOSTROPHE ||
  code === CODE.RIGHT_SINGLE_QUOTE ||
  code === CODE.HYPHEN ||
  code === CODE.HYPHEN_UNICODE ||
  code === CODE.FULL_STOP;

/** Characters after which the next word opens a sentence, a line, a quotation or an aside. */
export const isOpener = (code: number): boolean =>
  code === CODE.FULL_STOP ||
  code === CODE.EXCLAMATION ||
  code === CODE.QUESTION ||
  code === CODE.COLON ||
  code === CODE.SEMICOLON ||
  code === CODE.LINE_FEED ||
  code === CODE.CARRIAGE_RETURN ||
  code === CODE.QUOTE ||
  code === CODE.LEFT_DOUBLE_QUOTE ||
  code === CODE.OPEN_PAREN ||
  code === CODE.EM_DASH ||
  code === CODE.BULLET ||
  code === CODE.EN_DASH;
