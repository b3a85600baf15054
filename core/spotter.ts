/**
 * Finds candidate names in plain text: runs of capitalised words joined by the small words names
 * contain ("National League for Democracy"), acronyms ("ASEAN", "COVID-19") and mixed forms
 * ("iPhone"). It only proposes; the background decides which candidates are articles.
 * Pure code: it runs in the content script and in the command-line tools alike.
 */

/** A candidate name: JS string offsets into the text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  surface: string;
}

// A word: letters, marks and digits, with inner apostrophes, hyphens and dots ("Nyong'o", "COVID-19").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;
const CAPITALISED = /^(?:\p{Lu}|\p{Lt}|\p{Ll}+\p{Lu})/u;
const POSSESSIVE = /['’]s$/u;
// Only spaces may sit between the words of one name; punctuation or a line break ends it.
const SAME_NAME_GAP = /^[ \u00a0]$/u;
const SENTENCE_END = /(?:^|[.!?:;"“”…]|\n)\s*$/u;

/** Lower-case words that may stand inside a name, between capitalised words. */
const CONNECTORS = new Set(
  'of for the de del della da di du des la le van von der den ter bin ibn al el on upon'.split(' '),
);

/** Capitalised function words: in a title-case headline they separate names instead of joining them. */
const HEADLINE_BREAKS = new Set(
  'A An And As At But By For From In Into Of On Or Over The To Upon With Without'.split(' '),
);

/** Words that open sentences or name dates; on their own they are never a name. */
const NOT_NAMES = new Set(
  (
    'A An The This That These Those It Its In On At As By For From Of To With Without Into After Before ' +
    'During Since Until While When Where Why How What Which Who Whom Whose If Although Though Because ' +
    'But And Or Nor So Yet However Meanwhile Moreover Furthermore Instead Still Also Then Thus Most More ' +
    'Many Some Several Each Every All Both No Not Such Other Another Mass Read Last Next First Here There ' +
    'We You They He She I Our Your Their His Her My Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday ' +
    'Friday Saturday Sunday January February March April May June July August September October ' +
    'November December Today Yesterday Tomorrow'
  ).split(' '),
);

/** Titles and ranks, left out of the name they precede ("Senior General Min Aung Hlaing"). */
const TITLES = new Set(
  (
    'Mr Mrs Ms Dr Sir Dame President Vice Senator Sen Rep Governor Gov Minister Prime Defence Defense ' +
    'Foreign Chancellor King Queen Prince Princess Pope Senior General Gen Colonel Col Captain Lieutenant ' +
    'Lt Admiral Chairman Chairwoman Secretary Judge Justice Professor Prof Ambassador Mayor'
  ).split(' '),
);

interface Word {
  start: number;
  end: number;
  text: string;
}

export function spot(text: string): Span[] {
  const spans: Span[] = [];
  let run: Word[] = [];
  let previousEnd = 0;

  const flush = () => {
    emit(text, run, spans);
    run = [];
  };

  for (const match of text.matchAll(WORD)) {
    const word = { start: match.index, end: match.index + match[0].length, text: match[0] };
    const joined = run.length > 0 && SAME_NAME_GAP.test(text.slice(previousEnd, word.start));
    if (!joined) flush();
    if (CAPITALISED.test(word.text)) {
      run.push(word);
      // "Myanmar’s junta": a possessive ends the name.
      if (POSSESSIVE.test(word.text)) flush();
    } else if (run.length > 0 && CONNECTORS.has(word.text)) {
      run.push(word);
    } else {
      flush();
    }
    previousEnd = word.end;
  }
  flush();
  return spans;
}

/** Turns one run of words into zero or more candidate spans. */
function emit(text: string, run: Word[], spans: Span[]): void {
  // A connector may join names but never end one ("Bank of" → "Bank").
  while (run.length > 0 && !CAPITALISED.test(run[run.length - 1]!.text)) run.pop();
  if (run.length === 0) return;

  // In a title-case headline every word is capitalised: split at its function words.
  const pieces: Word[][] = [[]];
  for (const word of run) {
    if (HEADLINE_BREAKS.has(word.text) && pieces[pieces.length - 1]!.length > 0) pieces.push([]);
    else pieces[pieces.length - 1]!.push(word);
  }

  for (const piece of pieces) {
    let words = piece;
    // "At the United Nations": opening function words and the connectors after them go.
    while (
      words.length > 0 &&
      (NOT_NAMES.has(words[0]!.text) || !CAPITALISED.test(words[0]!.text))
    ) {
      words = words.slice(1);
    }
    // A title goes only when a full name follows it, so "General Assembly" keeps its first word.
    while (words.length > 2 && TITLES.has(words[0]!.text.replace(/\.$/, '')))
      words = words.slice(1);
    while (words.length > 0 && !CAPITALISED.test(words[words.length - 1]!.text))
      words = words.slice(0, -1);
    if (words.length === 0) continue;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const end = POSSESSIVE.test(last.text) ? last.end - 2 : last.end;
    // A single ordinary word opening a sentence is capitalised by grammar, not because it is a name.
    if (words.length === 1 && NOT_NAMES.has(text.slice(first.start, end))) continue;
    if (
      words.length === 1 &&
      SENTENCE_END.test(text.slice(0, first.start)) &&
      end - first.start < 2
    )
      continue;
    spans.push({ start: first.start, end, surface: text.slice(first.start, end) });
  }
}

/** The distinct names among a page's spans, in first-seen order. */
export function uniqueSurfaces(spans: Iterable<Span>): string[] {
  return [...new Set(Array.from(spans, (span) => span.surface))];
}
