/**
 * The first pass: the text's capitalised words, found by a character loop (a regular expression
 * only skips the lower-case prose between them), grouped into runs that may be one name: words
 * side by side, or joined by the small words names contain ("League for Democracy").
 */
import { isCommonWord, isUncased } from '../lexicon';
import {
  ASCII,
  classOf,
  classOfNonAscii,
  CODE,
  isJoiner,
  isOpener,
  LOWER,
  OTHER,
  UPPER,
} from './characters';
import { isOrdinary, isPossessive, type Word } from './word';
import {
  COMMA_SUFFIXES,
  COMPANY_FORMS,
  CONNECTORS,
  ENDING_ABBREVIATIONS,
  HEADLINE_BREAKS,
  LEADING_ABBREVIATIONS,
  NEVER_ALONE,
  NOT_NAMES,
  PARTICLE_PREFIX,
  PLACE_SUFFIX,
  RATING,
  TICKER,
} from './words';

/** What the first pass found in a text. */
export interface Tokens {
  /** Runs of words that may be one name, in text order. */
  runs: Word[][];
  /** A capitalised function word inside the text ("... Ties With Myanmar"): it may be a headline. */
  innerFunctionCapital: boolean;
  /** Letters of a script without capitals were met: known names are looked for too. */
  uncased: boolean;
}

// Capitals and anything outside ASCII: the only places a name can start. The regular expression
// engine skips the lower-case prose between them far faster than a loop in script could.
const NEXT_CANDIDATE = /[A-Z\u0080-\uffff]/g;

/** Below this (Thai is the first) every script with letters has capitals. */
const FIRST_UNCASED_SCRIPT = 0x0e00;
/** The longest gap of connectors between two words of one name (" of the ", " and "). */
const CONNECTOR_GAP_MAX_CHARS = 11;
/** Short words are checked against the headline function words ("With", "From"). */
const FUNCTION_WORD_MAX_CHARS = 4;
/** Acronyms this long or longer after a mixed-case word start another name ("New York NASDAQ"). */
const ACRONYM_MIN_CHARS = 3;
/** A place suffix is looked for only in words with more lower-case letters than this. */
const SUFFIXED_WORD_MIN_LOWER = 4;

/**
 * The text's runs of capitalised words. One loop over the text on purpose: this is the spotter's
 * hot path (BENCHMARKS.md), and each character is classified once.
 */
export function tokenise(
  text: string,
  joinsName: (gap: readonly string[]) => boolean = (gap) =>
    gap.every((word) => CONNECTORS.has(word)),
): Tokens {
  // Runs are collected first and turned into spans at the end, once it is known whether the text
  // is a title-case headline.
  const runs: Word[][] = [];
  let run: Word[] = [];
  const close = (): Word[] => {
    if (run.length > 0) runs.push(run);
    return [];
  };
  let innerFunctionCapital = false;
  let uncased = false;
  const length = text.length;
  // Shared, not copied per call (a copy is compiled anew); `spot` never runs inside itself.
  const finder = NEXT_CANDIDATE;
  finder.lastIndex = 0;
  let previousEnd = -1;

  for (let found = finder.exec(text); found !== null; found = finder.exec(text)) {
    let start = found.index;
    const firstCode = text.charCodeAt(start);
    const firstKind = firstCode < 128 ? UPPER : classOfNonAscii(firstCode);
    if (firstKind !== UPPER) {
      if (!uncased && firstKind === LOWER && firstCode >= FIRST_UNCASED_SCRIPT)
        uncased = isUncased(firstCode);
      continue;
    }
    // A capital inside a word ("iPhone", "mid-April"): go back to where the word starts.
    while (start > 0) {
      const code = text.charCodeAt(start - 1);
      const kind = code < 128 ? ASCII[code]! : classOfNonAscii(code);
      if (kind !== OTHER) start -= 1;
      else if (isJoiner(code) && start > 1 && classOf(text.charCodeAt(start - 2)) !== OTHER)
        start -= 1;
      else break;
    }

    // Read the whole word: letters, marks and digits, with inner joiners.
    let i = start;
    let upper = 0;
    let lower = 0;
    let capital = false;
    let decided = false;
    while (i < length) {
      const code = text.charCodeAt(i);
      const kind = code < 128 ? ASCII[code]! : classOfNonAscii(code);
      if (kind === LOWER) {
        lower += 1;
      } else if (kind === UPPER) {
        upper += 1;
        if (!decided) {
          // "Myanmar"; "iPhone", "eBay", "al-Maliki" are names as they stand. After a prefix
          // ("ex-Girl Scout", "anti-Trump", "pre-COVID") the name starts past the hyphen.
          capital = true;
          if (lower > 0) {
            const prefix = text.slice(start, i + 1);
            const hyphen = Math.max(prefix.lastIndexOf('-'), prefix.lastIndexOf('\u2010'));
            if (hyphen >= 0 && !PARTICLE_PREFIX.test(prefix)) {
              if (hyphen === prefix.length - 2) {
                start += hyphen + 1;
                lower = 0;
              } else capital = false;
            }
          }
          decided = true;
        }
      } else if (kind === OTHER) {
        if (!isJoiner(code) || i + 1 >= length || classOf(text.charCodeAt(i + 1)) === OTHER) break;
      }
      i += 1;
    }
    finder.lastIndex = i;
    if (!capital) continue;

    let end = i;
    let word = text.slice(start, end);
    const opening = opensSentence(text, start);
    // "... Ties With Myanmar": a capitalised function word inside the text marks title case.
    if (!opening && end - start <= FUNCTION_WORD_MAX_CHARS && HEADLINE_BREAKS.has(word))
      innerFunctionCapital = true;
    if (
      (upper > 1 && lower === 0 && word.includes('.') && TICKER.test(word)) ||
      (word.includes('-') && RATING.test(word))
    ) {
      run = close();
      continue;
    }
    const allCaps = lower === 0 && upper > 1;
    const previous = run[run.length - 1];
    // After "Inc." or "U.S." a capitalised function word opens a new sentence: "U.S. Of the...".
    const afterStop = previous !== undefined && previous.text.endsWith('.');
    const joined =
      previous !== undefined &&
      // "Acme Medical Group, Inc", "Martin Luther King, Jr.": a company form or a generation
      // after a comma still belongs to the name.
      ((COMMA_SUFFIXES.has(word) &&
        start === previousEnd + 2 &&
        text.startsWith(', ', previousEnd)) ||
        (joinGap(text, previousEnd, start, run, joinsName) &&
          !(afterStop && (NEVER_ALONE.has(word) || HEADLINE_BREAKS.has(word))) &&
          // "New York NASDAQ": an acronym after a mixed-case word starts another name.
          !(
            allCaps &&
            word.length >= ACRONYM_MIN_CHARS &&
            // Initials after a given name ("Louis C.K", "George H.W. Bush") go on with it.
            !(word.includes('.') && !isOrdinary(previous) && !NEVER_ALONE.has(previous.text)) &&
            previous.capital &&
            !previous.allCaps &&
            !COMPANY_FORMS.has(word)
          )));
    if (!joined) run = close();
    const stop = text.charCodeAt(end) === CODE.FULL_STOP;
    const endsName = stop && ENDING_ABBREVIATIONS.has(word);
    // "U.S." and "Inc." keep their full stop, unless it also ends the sentence ("... Ltd. Terms were").
    const initial = end - start === 1 && upper === 1;
    if (
      stop &&
      (initial ||
        LEADING_ABBREVIATIONS.has(word) ||
        (endsName && !stopEndsSentence(text, end)) ||
        // "U.S. exporters" and "Wayne, N.J., said" keep the stop; "in the U.S. The" does not.
        (word.includes('.') &&
          (/[\s]/.test(text.charAt(end + 1))
            ? !stopEndsSentence(text, end, false)
            : /[,;]/.test(text.charAt(end + 1)))))
    ) {
      end += 1;
      word += '.';
      finder.lastIndex = end;
    }
    const suffix =
      lower > SUFFIXED_WORD_MIN_LOWER && (word.includes('-') || word.includes('\u2010'))
        ? PLACE_SUFFIX.exec(word)
        : null;
    if (suffix) {
      end -= suffix[0].length;
      word = word.slice(0, -suffix[0].length);
    }
    run.push({
      start,
      end,
      text: word,
      capital: true,
      allCaps,
      opening: opening || (afterStop && !joined),
    });
    previousEnd = end;
    // "Key Tronic corp said": a lower-case company form still belongs to the name.
    const lowerSuffix =
      text.charCodeAt(end) === CODE.SPACE && isSuffixStart(text.charCodeAt(end + 1))
        ? /^ (corp|inc|ltd|co|plc|llc)(?![\p{L}\p{N}'’-])/u.exec(text.slice(end, end + 6))
        : null;
    if (lowerSuffix) {
      run.push({
        start: end + 1,
        end: end + lowerSuffix[0].length,
        text: lowerSuffix[1]!,
        capital: false,
        allCaps: false,
        opening: false,
      });
      previousEnd = end + lowerSuffix[0].length;
      finder.lastIndex = previousEnd;
    }
    // "Myanmar’s junta": a possessive ends the name; so does "Inc." before the next sentence.
    if (isPossessive(word) || suffix || (endsName && word.endsWith('.'))) run = close();
  }
  close();
  return { runs, innerFunctionCapital, uncased };
}

/** c, i, l, p: the first letters of the lower-case company forms. */
const isSuffixStart = (code: number) => code === 99 || code === 105 || code === 108 || code === 112;

/** Whether the word at `start` opens a sentence, a line or a quotation (or the text). */
export function opensSentence(text: string, start: number): boolean {
  // Back over the spaces and punctuation since the previous word: a full stop, a line break or an
  // opening quotation among them opens a sentence ('?" Yes', '.) Never').
  for (let at = start - 1; at >= 0; at -= 1) {
    const code = text.charCodeAt(at);
    if (isOpener(code)) return true;
    if (classOf(code) !== OTHER) return false;
  }
  return true;
}

/**
 * Whether the gap between two capitalised words keeps them in one name: a single space, or small
 * lower-case connectors between single spaces (" of the ", " and ", " & "). The connectors join
 * the run as words of their own, for `split` to weigh.
 */
function joinGap(
  text: string,
  from: number,
  to: number,
  run: Word[],
  joinsName: (gap: readonly string[]) => boolean,
): boolean {
  const gap = to - from;
  if (gap === 1) {
    const code = text.charCodeAt(from);
    return code === CODE.SPACE || code === CODE.NO_BREAK_SPACE;
  }
  if (
    gap > CONNECTOR_GAP_MAX_CHARS ||
    text.charCodeAt(from) !== CODE.SPACE ||
    text.charCodeAt(to - 1) !== CODE.SPACE
  )
    return false;
  const words = text.slice(from + 1, to - 1).split(' ');
  if (!joinsName(words)) return false;
  let at = from + 1;
  for (const word of words) {
    run.push({
      start: at,
      end: at + word.length,
      text: word,
      capital: false,
      allCaps: false,
      opening: false,
    });
    at += word.length + 1;
  }
  return true;
}

/** Whether the full stop at `at` closes its sentence: the text ends, or a new sentence starts after it. */
export function stopEndsSentence(text: string, at: number, everydayWordsStart = true): boolean {
  const rest = text.slice(at + 1, at + 24);
  if (rest === '' || /^\s*\n/.test(rest)) return true;
  if (!/^\s/.test(rest)) return false;
  const next = /^\s*([\p{L}]+)/u.exec(rest)?.[1];
  if (next === undefined) return /^\s*$/.test(rest);
  if (NOT_NAMES.has(next) || HEADLINE_BREAKS.has(next)) return true;
  // After "Ltd." a capitalised everyday word likely opens a sentence; after "U.S." it goes on
  // with the name ("U.S. District Court").
  return (
    everydayWordsStart && classOf(next.charCodeAt(0)) === UPPER && isCommonWord(next.toLowerCase())
  );
}
