/**
 * Finds candidate names in plain text: runs of capitalised words joined by the small words names
 * contain ("National League for Democracy"), acronyms ("ASEAN", "COVID-19"), mixed forms ("iPhone"),
 * and, in scripts without capitals, known place names. It only proposes; the background decides
 * which candidates are articles. Pure code, run by the content script and the command-line tools.
 *
 * Speed matters (it runs on every page load), so words are found by a character loop rather than
 * a regular expression, and only the rare capitalised runs get the slower treatment in `emit`.
 */
import { isCommonWord, isDemonym, isUncased, knownAliasesIn } from './lexicon';

/** A candidate name: JS string offsets into the text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  surface: string;
}

/** Lower-case words that may stand inside a name, between capitalised words. */
const CONNECTORS = new Set(
  'of for the de del della da di do dos das du des la le van von der den ter bin ibn al el on upon and & e y et und'.split(
    ' ',
  ),
);

/** Company-form words that continue a name even in lower case ("Key Tronic corp"). */
const LOWER_SUFFIXES = new Set(['corp', 'inc', 'ltd', 'co', 'plc', 'llc']);

/** Company forms after which "of" starts a place, not more name ("Thermo-Print GmbH of Lohn"). */
const COMPANY_FORMS = new Set(
  'Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC Plc GmbH AG SA NV BV Cos SPA SpA AB ASA KK'.split(
    ' ',
  ),
);

/** Abbreviations that keep their full stop and go on to more name ("St. Louis", "Mt. Everest"). */
const LEADING_ABBREVIATIONS = new Set('St Mt Ft'.split(' '));

/**
 * Abbreviations that keep their full stop and usually end a name, so the stop may end the sentence
 * too ("... Home Depot Inc. The company said"; "Tuscaloosa, Ala.").
 */
const ENDING_ABBREVIATIONS = new Set(
  (
    'Inc Corp Co Cos Ltd Jr Sr Bros Dept Univ ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev ' +
    'Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo'
  ).split(' '),
);

/** Name particles that join a lower-case prefix to a capitalised name ("al-Maliki", "bin-Laden"). */
const PARTICLE_PREFIX = /^(?:al|el|ul|bin|ibn|abu|ben|de|di|da|du|van|von|le|la|d|l|o)[-'’]/;

/** Stock tickers as news wires print them ("PGLO.AS", "VOWG.F"): not part of the name before them. */
const TICKER = /^[A-Z]{2,}\.[A-Z]{1,2}$/;

/** Credit ratings ("Baa-2", "AA-1", "Prime-1"): grades, not names, and no part of the name beside them. */
const RATING = /^(?:A{1,3}|Aa|Baa|Ba|B{1,3}|Caa|Ca|C{1,3}|Prime)-[1-3]$/;

/** Capitalised function words: in a title-case headline they separate names instead of joining them. */
const HEADLINE_BREAKS = new Set(
  'A An And As At But By For From In Into Of On Or Over The To Upon With Without Vs'.split(' '),
);

/** Words that open sentences or name dates and ranks; on their own they are never a name. */
const NOT_NAMES = new Set(
  (
    'A An The This That These Those It Its In On At As By For From Of To With Without Into After Before ' +
    'During Since Until While When Where Why How What Which Who Whom Whose If Although Though Because ' +
    'But And Or Nor So Yet However Meanwhile Moreover Furthermore Instead Still Also Then Thus Most More ' +
    'Many Some Several Each Every All Both No Not Such Other Another Here There ' +
    'Among Amongst Amid Amidst Against Across Along Around Behind Below Beneath Beside Besides Between ' +
    'Beyond Despite Except Inside Outside Per Regarding Than Through Throughout Toward Towards Under ' +
    'Unlike Via Within Whether Unless Once Whereas Nevertheless Nonetheless Therefore Hence Indeed ' +
    'Perhaps Otherwise Overall Yes Sometimes Often Now Later Earlier ' +
    'I We You They He She Me Us Him Her Them Our Your Their His My Mr Mrs Ms Dr Sir Madam ' +
    'Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Today Yesterday Tomorrow ' +
    'CEO CFO COO CTO MP MEP NOTE AM PM Rep Sen Gov Gen Lt Col Capt Sgt Prof Ave'
  ).split(' '),
);

/** Numbers and dates: part of some names ("Group of Seven", "First Boston"), never one alone. */
const NUMBERS = new Set(
  'One Two Three Four Five Six Seven Eight Nine Ten First Second Third Fourth Fifth Last Next'.split(
    ' ',
  ),
);
const DATES = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June ' +
    'July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'
  ).split(' '),
);

/**
 * The head nouns of organisations' names: "Detroit Federation of Teachers" is one name, not a person
 * "of" a place, and "Council Action Fund" after "Defense" is no person with a title.
 */
const ORGANISATION_WORDS = new Set(
  (
    'Academy Agency Alliance Army Assembly Association Authority Bank Board Brotherhood Bureau Center ' +
    'Centre Chamber Church Club Coalition College Commission Committee Company Conference Congress ' +
    'Corporation Council Court Department Federation Force Forces Foundation Front Fund Group Guild ' +
    'Holdings Hospital Industries Institute League Ministry Movement Museum Navy Network Office ' +
    'Organisation Organization Parliament Partners Party Police Railway School Senate Service Services ' +
    'Society Team Trust Union University Securities Commission Administration Institution Bank Museum'
  ).split(' '),
);

/** Words that are never a name on their own. */
const NEVER_ALONE = new Set([...NOT_NAMES, ...NUMBERS, ...DATES]);

/** What a partnership's name ends in: "Brown and Sons", "Don Bybee and Associates". */
const FIRM_ENDINGS = new Set(
  'Sons Brothers Associates Partners Company Industries Enterprises'.split(' '),
);

/** "Kentucky-based", "Houston-born": the place is a name, the suffix is not. */
const PLACE_SUFFIX =
  /[-\u2010](?:based|born|bred|led|owned|backed|made|listed|registered|headquartered)$/;

/** Titles and ranks, left out of the name they precede ("Senior General Min Aung Hlaing"). */
const TITLES = new Set(
  (
    'Mr Mrs Ms Dr Sir Dame Lord Lady President Vice Senator Sen Rep Representative Congressman Director ' +
    'Spokesman Spokeswoman Analyst Economist Editor Treasurer Counsel Executive ' +
    'Congresswoman Governor Gov Minister Prime Defence Defense Foreign Finance Chancellor King Queen ' +
    'Prince Princess Pope Sheikh Senior Brigadier Gen Colonel Col Captain Capt Lieutenant Lt Sergeant Sgt ' +
    'Major Admiral Marshal Commander Chairman Chairwoman Chief Secretary Judge Justice Professor Prof ' +
    'Ambassador Mayor Premier Attorney Speaker Leader Coach Detective Officer Father Rev Reverend ' +
    'Bishop Archbishop Cardinal Rabbi Imam Ayatollah Dr. Mr. Mrs. Ms. Gen. Sen. Rep. Gov. Lt. Col. Capt. Prof. Rev.'
  ).split(' '),
);

/**
 * Titles that may be dropped even when a single word follows ("President Reagan" → "Reagan"); others
 * need a full name after them, so "General Assembly" and "Queen Elizabeth" stay whole.
 */
const PERSONAL_TITLES = new Set(
  'Mr Mrs Ms Dr Mr. Mrs. Ms. Dr. President Senator Sen Sen. Rep Rep. Gov Gov. Governor Chancellor Premier Sgt. Lt. Col. Capt. Gen. Prof.'.split(
    ' ',
  ),
);

// Character classes, cached for the code units outside ASCII (looked up once each).
const OTHER = 1;
const UPPER = 2;
const LOWER = 3; // any letter or mark that is not upper case, including letters of uncased scripts
const DIGIT = 4;
const nonAscii = new Uint8Array(0x10000);
const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;

const ASCII = new Uint8Array(128).map((_, code) =>
  code >= 97 && code <= 122
    ? LOWER
    : code >= 65 && code <= 90
      ? UPPER
      : code >= 48 && code <= 57
        ? DIGIT
        : OTHER,
);

function classOf(code: number): number {
  return code < 128 ? ASCII[code]! : classOfNonAscii(code);
}

function classOfNonAscii(code: number): number {
  let kind = nonAscii[code]!;
  if (kind === 0) {
    kind = quickClassOf(code) ?? classByProperty(String.fromCharCode(code));
    nonAscii[code] = kind;
  }
  return kind;
}

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
const isJoiner = (code: number) =>
  code === 39 || code === 0x2019 || code === 45 || code === 0x2010 || code === 46;

interface Word {
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

// Capitals and anything outside ASCII: the only places a name can start. The regular expression
// engine skips the lower-case prose between them far faster than a loop in script could.
const NEXT_CANDIDATE = /[A-Z\u0080-\uffff]/g;

/** Characters after which the next word opens a sentence, a line, a quotation or an aside. */
const isOpener = (code: number) =>
  code === 46 ||
  code === 33 ||
  code === 63 ||
  code === 58 ||
  code === 59 ||
  code === 10 ||
  code === 13 ||
  code === 34 ||
  code === 0x201c ||
  code === 40 ||
  code === 0x2014 ||
  code === 0x2022 ||
  code === 0x2013;

export function spot(text: string): Span[] {
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
      if (!uncased && firstKind === LOWER && firstCode >= 0x0e00) uncased = isUncased(firstCode);
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
          // "Myanmar"; "iPhone", "eBay", "al-Maliki" are names too; "mid-April" and "pre-COVID" are not.
          const prefix = text.slice(start, i + 1);
          capital = lower === 0 || !/[-\u2010]/.test(prefix) || PARTICLE_PREFIX.test(prefix);
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
    if (!opening && end - start <= 4 && HEADLINE_BREAKS.has(word)) innerFunctionCapital = true;
    if (
      (upper > 1 && lower === 0 && word.includes('.') && TICKER.test(word)) ||
      RATING.test(word)
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
      joinGap(text, previousEnd, start, run) &&
      !(afterStop && (NEVER_ALONE.has(word) || HEADLINE_BREAKS.has(word))) &&
      // "New York NASDAQ": an acronym after a mixed-case word starts another name.
      !(
        allCaps &&
        word.length >= 3 &&
        previous.capital &&
        !previous.allCaps &&
        !COMPANY_FORMS.has(word)
      );
    if (!joined) run = close();
    const stop = text.charCodeAt(end) === 46;
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
      lower > 4 && (word.includes('-') || word.includes('\u2010')) ? PLACE_SUFFIX.exec(word) : null;
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
      text.charCodeAt(end) === 32 && isSuffixStart(text.charCodeAt(end + 1))
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

  const headline = innerFunctionCapital && text.length <= 300 && isTitleCase(text);
  const spans: Span[] = [];
  current.runs = runs;
  current.runWords = undefined;
  current.wordStarts = undefined;
  for (const words of joinPartnerships(text, runs)) emit(text, words, spans, headline);
  return uncased ? mergeKnownAliases(spans, knownAliasesIn(text)) : spans;
}

/** c, i, l, p: the first letters of the lower-case company forms. */
const isSuffixStart = (code: number) => code === 99 || code === 105 || code === 108 || code === 112;

/**
 * "Goldman, Sachs and Co", "Dillon, Read and Co Inc": partners' surnames listed with commas, then
 * "and" and a company form, are one firm. Without the company form a list is a list ("Russia,
 * China and Iran").
 */
function joinPartnerships(text: string, runs: Word[][]): Word[][] {
  const joined: Word[][] = [];
  for (let index = 0; index < runs.length; index += 1) {
    let last = index;
    while (
      last < runs.length - 1 &&
      isPartnerName(runs[last]!) &&
      text.slice(runs[last]![0]!.end, runs[last + 1]![0]!.start) === ', '
    )
      last += 1;
    if (last > index && endsPartnership(runs[last]!)) {
      runs[last]![1]!.joinsPartners = true;
      joined.push(runs.slice(index, last + 1).flat());
      index = last;
    } else {
      joined.push(runs[index]!);
    }
  }
  return joined;
}

/** One capitalised surname-like word standing alone: "Kidder" in "Kidder, Peabody and Co". */
const isPartnerName = (run: Word[]) =>
  run.length === 1 &&
  !run[0]!.allCaps &&
  !NEVER_ALONE.has(run[0]!.text) &&
  !isDemonym(run[0]!.text) &&
  !COMPANY_FORMS.has(run[0]!.text);

/** "Peabody and Co", "Rinehart and Winston Canada Ltd.": a last partner, "and", then a firm's ending. */
function endsPartnership(run: Word[]): boolean {
  if (run.length < 3 || (run[1]!.text !== 'and' && run[1]!.text !== '&')) return false;
  for (const word of run.slice(2)) {
    if (word.text === 'and' || word.text === '&') return false;
    if (COMPANY_FORMS.has(word.text) || FIRM_ENDINGS.has(word.text)) return true;
  }
  return false;
}

/** Whether the word at `start` opens a sentence, a line or a quotation (or the text). */
function opensSentence(text: string, start: number): boolean {
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
function joinGap(text: string, from: number, to: number, run: Word[]): boolean {
  const gap = to - from;
  if (gap === 1) {
    const code = text.charCodeAt(from);
    return code === 32 || code === 0xa0;
  }
  if (gap > 11 || text.charCodeAt(from) !== 32 || text.charCodeAt(to - 1) !== 32) return false;
  const words = text.slice(from + 1, to - 1).split(' ');
  if (!words.every((word) => CONNECTORS.has(word))) return false;
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

/** Most of the longer words capitalised, as in a headline. */
function isTitleCase(text: string): boolean {
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
      if (kind !== UPPER && kind !== LOWER && code !== 39 && code !== 0x2019 && code !== 45) break;
    }
    if (length >= 4) {
      long += 1;
      if (first === UPPER) capitalised += 1;
    }
  }
  return long >= 3 && capitalised >= 0.75 * long;
}

/** Whether the full stop at `at` closes its sentence: the text ends, or a new sentence starts after it. */
function stopEndsSentence(text: string, at: number, everydayWordsStart = true): boolean {
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

const isPossessive = (word: string) => {
  const apostrophe = word.charCodeAt(word.length - 2);
  return word.charCodeAt(word.length - 1) === 115 && (apostrophe === 39 || apostrophe === 0x2019);
};

/** A capitalised word that is also an everyday word ("Stocks", "Despite"), and no known place. */
function isOrdinary(word: Word): boolean {
  if (word.ordinary === undefined) {
    const bare = isPossessive(word.text) ? word.text.slice(0, -2) : word.text;
    // Short acronyms ("AP", "UN") are names, whatever they spell.
    word.ordinary = word.allCaps
      ? bare.length > 3 && isCommonWord(bare.toLowerCase())
      : isCommonWord(bare);
  }
  return word.ordinary;
}

/** Turns one run of words into zero or more candidate spans; returns a fresh run. */
function emit(text: string, run: Word[], spans: Span[], headline: boolean): Word[] {
  if (run.length === 1) {
    // Most runs are one word: only the single-word rules apply.
    const word = run[0]!;
    if (
      keepsAlone(word, headline) &&
      !(headline && isOrdinary(word)) &&
      !isPluralOfName(text, word.text) &&
      !usedInLowerCase(text, word)
    ) {
      const end = isPossessive(word.text) ? word.end - 2 : word.end;
      spans.push({ start: word.start, end, surface: text.slice(word.start, end) });
    }
    return [];
  }
  for (const piece of split(text, run, headline)) {
    let words = piece;
    // Opening function words and the connectors after them go ("At the United Nations").
    while (words.length > 0 && (!words[0]!.capital || NOT_NAMES.has(words[0]!.text)))
      words = words.slice(1);
    // "Shares of Target Corp.": an everyday noun opening a sentence, then "of", is no part of the
    // name after it (but "Bank of America" and "University of Alabama" are names).
    if (
      words.length > 2 &&
      words[0]!.opening &&
      isOrdinary(words[0]!) &&
      !words[1]!.capital &&
      !ORGANISATION_WORDS.has(words[0]!.text) &&
      !TITLES.has(words[0]!.text)
    ) {
      words = words.slice(1);
      while (words.length > 0 && !words[0]!.capital) words = words.slice(1);
    }
    // A sentence's first word is capitalised by grammar: drop it when it is an everyday word that
    // names nothing here ("Asked about Nardelli", "Despite Home Depot's...").
    if (
      words.length > 1 &&
      words[0]!.opening &&
      isOrdinary(words[0]!) &&
      isStarter(words[0]!.text)
    ) {
      words = words.slice(1);
    }
    // A title goes only when a full name follows it, so "General Assembly" keeps its first word.
    while (
      ((words.length > 2 && TITLES.has(words[0]!.text)) ||
        (words.length > 1 && PERSONAL_TITLES.has(words[0]!.text))) &&
      // "Secretary of Commerce" is an office, not a title before a name.
      words[1]!.capital &&
      // "Foreign Policy Institute" names an organisation; "Foreign Minister Wang Yi" a person.
      !words.some((word) => ORGANISATION_WORDS.has(word.text))
    ) {
      words = words.slice(1);
      // "Senior General Min Aung Hlaing", "Lieutenant General ...": General is a rank only after another.
      if (words.length > 2 && words[0]!.text === 'General') words = words.slice(1);
    }
    // "Securities and Exchange Commission John Shad": an organisation, then a person.
    const head =
      words.length >= 4
        ? words.findIndex((word, index) => index > 0 && ORGANISATION_WORDS.has(word.text))
        : -1;
    if (head > 0 && head < words.length - 2 && looksLikePerson(words.slice(head + 1))) {
      emit(text, words.slice(0, head + 1), spans, headline);
      words = words.slice(head + 1);
    }
    // "Georgia Power Chairman Robert W. Scherer": an organisation, a title, then a person.
    const title = titleBeforeName(words);
    if (title > 0) {
      emit(text, words.slice(0, title), spans, headline);
      let after = title;
      while (TITLES.has(words[after]!.text)) after += 1;
      words = words.slice(after);
    }
    // Nor does a name end in a connector, a date or a question word ("Orange County July", "Partners What").
    while (
      words.length > 0 &&
      ((!words[words.length - 1]!.capital && !LOWER_SUFFIXES.has(words[words.length - 1]!.text)) ||
        DATES.has(words[words.length - 1]!.text) ||
        NOT_NAMES.has(words[words.length - 1]!.text))
    ) {
      words = words.slice(0, -1);
    }
    if (words.length === 0 || isDescription(words)) continue;

    const first = words[0]!;
    const last = words[words.length - 1]!;
    if (
      words.length === 1 &&
      (!keepsAlone(first, headline) ||
        isPluralOfName(text, first.text) ||
        usedInLowerCase(text, first))
    )
      continue;
    const end = isPossessive(last.text) ? last.end - 2 : last.end;
    spans.push({ start: first.start, end, surface: text.slice(first.start, end) });
  }
  return [];
}

/** Words that qualify a nationality: "West German", "South Korean", "Middle Eastern". */
const QUALIFIERS = new Set(
  'North South East West Central Middle Northern Southern Eastern Western Upper Lower Former Senior'.split(
    ' ',
  ),
);

/** A nationality with qualifiers or a title, describing rather than naming: "West German", "Iraqi President". */
function isDescription(words: Word[]): boolean {
  const demonym = words.findIndex((word) => isDemonym(word.text));
  if (demonym < 0) return false;
  return words.every((word, index) =>
    index < demonym ? QUALIFIERS.has(word.text) : index === demonym || TITLES.has(word.text),
  );
}

/** Where a title stands inside a run with at least two more words after it, or 0. */
function titleBeforeName(words: Word[]): number {
  for (let index = 1; index < words.length - 2; index += 1) {
    if (!TITLES.has(words[index]!.text)) continue;
    let after = index;
    while (after < words.length && TITLES.has(words[after]!.text)) after += 1;
    if (looksLikePerson(words.slice(after))) return index;
  }
  return 0;
}

/**
 * "Americans", or "Texacos" in wire copy that drops apostrophes: the plural or possessive of a name
 * or a demonym that the text also uses on its own. The bare name is found where it stands alone.
 */
function isPluralOfName(text: string, word: string): boolean {
  if (word.length < 4 || !word.endsWith('s') || word.endsWith('ss')) return false;
  const stem = word.slice(0, -1);
  if (isDemonym(stem)) return true;
  // Among the words of the text's runs, gathered once per text: a text of ten thousand plurals
  // would otherwise search its runs ten thousand times.
  current.runWords ??= new Set(current.runs.flatMap((run) => run.map((entry) => entry.text)));
  return current.runWords.has(stem);
}

/**
 * The text `spot` is working on: its runs, and the words `isPluralOfName` and `usedInLowerCase`
 * look for, gathered when first asked (most texts never ask).
 */
const current: { runs: Word[][]; runWords?: Set<string>; wordStarts?: Map<string, number[]> } = {
  runs: [],
};

/** Past this length a text's words are gathered once rather than searched for per word. */
const SEARCHED_TEXT_CHARS = 2_000;

/**
 * A capitalised word that the same text also uses in lower case ("Economists expect …" after
 * "… economists said") is an everyday word, capitalised only by its place.
 */
function usedInLowerCase(text: string, word: Word): boolean {
  if (word.allCaps || word.text.length < 3) return false;
  const lower = word.text.toLowerCase();
  if (lower === word.text) return false;
  if (text.length <= SEARCHED_TEXT_CHARS) return occursAsWord(text, lower);
  // In a long text, searching once per capitalised word would take time growing with the square
  // of its length: the text's words are gathered once, and a word made of parts ("al-maliki") is
  // looked for only where its first part stands.
  const first = firstWordOf(lower);
  // A capital with no lower case of its own is not gathered (see wordStartsIn): searched for.
  if (classOf(first.charCodeAt(0)) === UPPER) return occursAsWord(text, lower);
  const starts = (current.wordStarts ??= wordStartsIn(text)).get(first);
  if (!starts) return false;
  for (const at of starts)
    if (text.startsWith(lower, at) && endsWordAt(text, at + lower.length)) return true;
  return false;
}

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
 * Where each word of `text` (a longest run of letters, marks and digits) starts, but for the
 * capitalised words: only lower-case ones are looked for.
 */
function wordStartsIn(text: string): Map<string, number[]> {
  const starts = new Map<string, number[]>();
  let start = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const other = index === text.length || classOf(text.charCodeAt(index)) === OTHER;
    if (!other) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (classOf(text.charCodeAt(start)) !== UPPER) {
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

/** Whether one capitalised word on its own is a candidate name. */
function keepsAlone(word: Word, headline: boolean): boolean {
  const bare = isPossessive(word.text) ? word.text.slice(0, -2) : word.text;
  if (bare.length < 2 || NEVER_ALONE.has(bare) || isDemonym(bare)) return false;
  // "Todays", "Tuesdays": wire copy without apostrophes, or plurals, of words that are never names.
  if (bare.length > 4 && bare.endsWith('s') && NEVER_ALONE.has(bare.slice(0, -1))) return false;
  if ((word.opening || headline || word.allCaps) && isOrdinary(word)) return false;
  // "Analysts say", "Revenues rose": a sentence opening with an inflected everyday word.
  if (word.opening && !word.allCaps && isInflectedCommonWord(bare)) return false;
  return true;
}

/** An everyday word with a plural or verb ending ("Analysts", "Revenues", "Studies", "Voted"). */
function isInflectedCommonWord(word: string): boolean {
  if (word.length < 5) return false;
  const stems: string[] = [];
  if (word.endsWith('ies')) stems.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) stems.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) stems.push(word.slice(0, -1));
  if (word.endsWith('ed')) stems.push(word.slice(0, -2), word.slice(0, -1));
  return stems.some((stem) => stem.length > 2 && isCommonWord(stem));
}

/** Everyday words that typically open a sentence before a name: function words, adverbs, verbs. */
function isStarter(word: string): boolean {
  return NOT_NAMES.has(word) || /(?:ly)$/.test(word) || HEADLINE_BREAKS.has(word);
}

/**
 * Splits a run where it joins what are really separate names: at "and" unless the word before it
 * is an everyday word inside an organisation's name ("Oil and Gas", but "Russia and China"); at
 * "of" after a company form; at capitalised function words and everyday words in a headline.
 */
function split(text: string, run: Word[], headline: boolean): Word[][] {
  const pieces: Word[][] = [[]];
  for (let index = 0; index < run.length; index += 1) {
    const word = run[index]!;
    const current = pieces[pieces.length - 1]!;
    const before = run[index - 1];
    const breaks =
      ((word.text === 'and' || word.text === '&') &&
        !word.joinsPartners &&
        !joinsAnd(before, run[index + 1], run[run.length - 1])) ||
      // A connector before a date joins nothing: "Exchange on April 14".
      (!word.capital && run[index + 1] !== undefined && DATES.has(run[index + 1]!.text)) ||
      // "Council on Foreign Relations" but "Harold Reynolds on Bryce Harper"; "the" only after
      // another connector ("Bank of the West", not "Kenny the Clown").
      (word.text === 'on' && before !== undefined && before.capital && !isOrdinary(before)) ||
      (word.text === 'the' && (before === undefined || before.capital)) ||
      // "Charles Schumer of New York", "Thermo-Print GmbH of Lohn": a name, then where it is from;
      // but "University of Alabama" and "Bank of America" are one name.
      (word.text === 'of' &&
        before !== undefined &&
        (COMPANY_FORMS.has(before.text) || looksLikePerson(current))) ||
      (current.length > 0 && HEADLINE_BREAKS.has(word.text) && index < run.length - 1) ||
      // "Southerns Georgia Power Co", "Irans Ahvaz field": wire copy's possessive without its
      // apostrophe ends one name (and is dropped, as the plural of a name is) before the next.
      (index === 0 &&
        run.length > 1 &&
        startsAnotherName(run[1]!) &&
        isPluralOfName(text, word.text)) ||
      (headline && isOrdinary(word));
    if (breaks) {
      if (current.length > 0) pieces.push([]);
      // A headline's everyday word is dropped; a separator word is dropped too.
      continue;
    }
    current.push(word);
  }
  return pieces;
}

/** A capitalised word that is no organisation's ending ("Georgia", but not "Holdings" or "Inc"). */
const startsAnotherName = (word: Word) =>
  word.capital && !ORGANISATION_WORDS.has(word.text) && !COMPANY_FORMS.has(word.text);

/** Two or three capitalised words, none an everyday word: "Charles Schumer", "Timea Babos". */
function looksLikePerson(words: Word[]): boolean {
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every(
      (word) =>
        word.capital &&
        !word.allCaps &&
        !isOrdinary(word) &&
        !isDemonym(word.text) &&
        !ORGANISATION_WORDS.has(word.text),
    )
  );
}

/**
 * "Oil and Gas", "Brown and Sons", "Securities and Exchange Commission" are one name: an everyday
 * word stands on one side of the "and". "Russia and China" are two.
 */
function joinsAnd(
  before: Word | undefined,
  after: Word | undefined,
  last: Word | undefined,
): boolean {
  if (before === undefined || after === undefined || !after.capital) return false;
  if (COMPANY_FORMS.has(after.text)) return true;
  const firmEnding =
    last !== undefined &&
    (COMPANY_FORMS.has(last.text) ||
      ORGANISATION_WORDS.has(last.text) ||
      FIRM_ENDINGS.has(last.text));
  // Everyday words on both sides ("Oil and Gas", "Securities and Exchange"), or a firm's ending
  // after one of them ("Samuel Montagu and Sons Ltd"); "Tim Cook and Samsung" are two names.
  return (
    (isOrdinary(before) && isOrdinary(after)) ||
    ((isOrdinary(before) || isOrdinary(after)) && firmEnding)
  );
}

/** Adds known names found in scripts without capitals, where they do not overlap a found span. */
function mergeKnownAliases(spans: Span[], known: Span[]): Span[] {
  if (known.length === 0) return spans;
  const merged = [...spans];
  for (const span of known) {
    if (!spans.some((other) => other.start < span.end && span.start < other.end)) merged.push(span);
  }
  return merged.sort((a, b) => a.start - b.start);
}
