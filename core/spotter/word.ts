import { isCommonWord } from '../lexicon';
import { CODE } from './characters';

/** A capitalised word of the text (or a small word between two), as the rules weigh it. */
export interface Word {
  start: number;
  end: number;
  text: string;
  /** Starts with a capital ("Myanmar") or has one after lower-case letters ("iPhone", "al-Maliki"). */
  capital: boolean;
  allCaps: boolean;
  /** First word of a sentence, a line or a quotation: capitalised by grammar, whatever it is. */
  opening: boolean;
  /** Whether it is an everyday word; worked out once, when first asked (see `isOrdinary`). */
  ordinary?: boolean;
  /** An "and" known to join a firm's partners ("Holt, Rinehart and Winston"). */
  joinsPartners?: boolean;
}

/** Whether a word ends in "'s" (or "’s"). */
export const isPossessive = (word: string): boolean => {
  const apostrophe = word.charCodeAt(word.length - 2);
  return (
    word.charCodeAt(word.length - 1) === CODE.LOWER_S &&
    (apostrophe === CODE.APOSTROPHE || apostrophe === CODE.RIGHT_SINGLE_QUOTE)
  );
};

/** A word without its possessive ending. */
export const withoutPossessive = (word: string): string =>
  isPossessive(word) ? word.slice(0, -2) : word;

/** Acronyms longer than this may be everyday words in capitals ("NEWS"); shorter ones are names. */
const ACRONYM_NAME_MAX = 3;

/** A capitalised word that is also an everyday word ("Stocks", "Despite"), and no known place. */
export function isOrdinary(word: Word): boolean {
  if (word.ordinary === undefined) {
    const bare = withoutPossessive(word.text);
    // Short acronyms ("AP", "UN") are names, whatever they spell.
    word.ordinary = word.allCaps
      ? bare.length > ACRONYM_NAME_MAX && isCommonWord(bare.toLowerCase())
      : isCommonWord(bare);
  }
  return word.ordinary;
}
