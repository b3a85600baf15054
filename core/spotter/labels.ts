import { isCommonWord } from '../lexicon';
import { CONNECTORS, HEADLINE_BREAKS, NOT_NAMES } from './words';

/** Texts longer than this are prose or headlines, not an interface's labels. */
const LABEL_MAX_CHARS = 40;
/** A label has at most this many words ("Sign Up For Our Newsletter"). */
const LABEL_MAX_WORDS = 6;

/**
 * A page's interface labels in capitals or title case ("KNOWN FOR", "AT THE PLATE", "Play Video",
 * "Top Stories"): a short text made only of everyday words names nothing, however it is written.
 * A label with a name in it ("Myanmar News") is read as any text.
 */
export function isLabel(text: string): boolean {
  if (text.length > LABEL_MAX_CHARS) return false;
  const words = text.split(/[\s:|/•·»›–—-]+/).filter((word) => word !== '');
  if (words.length === 0 || words.length > LABEL_MAX_WORDS) return false;
  return words.every((word) => {
    if (!/^\p{L}+$/u.test(word)) return false;
    const title = word.charAt(0) + word.slice(1).toLowerCase();
    const lower = word.toLowerCase();
    return (
      NOT_NAMES.has(title) ||
      HEADLINE_BREAKS.has(title) ||
      CONNECTORS.has(lower) ||
      isCommonWord(lower)
    );
  });
}
