import { STOP_WORDS_BY_LANGUAGE } from '../generated/stop-words';
import { CONNECTORS } from './words';

/**
 * What the spotter needs to know of a text's language: which capitalised words only open a
 * sentence or a phrase ("La", "Según", "Zudem"), and which lower-case words may stand inside a
 * name ("Partido de los Trabajadores"). English is the spotter's own; another language adds its
 * function words (stopwords-iso) and keeps its "and" out of names ("México y Venezuela" is two).
 */
export interface Language {
  /**
   * A function word of the language ("la", "según", "zudem"): capitalised, it opens a sentence
   * rather than a name. Lists of them hold words that also begin names ("Estados Unidos", "Nueva
   * Zelanda"), so inside a sentence they are left to the name they begin.
   */
  isFunctionWord(word: string): boolean;
  /** Whether the lower-case words between two capitalised words keep them in one name. */
  joinsName(gap: readonly string[]): boolean;
  /** The length of an elided article or preposition opening a word ("l’" of "l’Assemblée"), or 0. */
  elisionBefore?: (word: string) => number;
  /**
   * Whether every noun is capitalised (German): a lone capitalised word is then no evidence of a
   * name, and is left to the known names ("Google", "Berlin") and to its form ("iPhone", "AgileBits").
   */
  capitalisesNouns: boolean;
  /**
   * Whether a sentence's first word is judged by the text alone (written capitalised elsewhere
   * inside a sentence), for want of an everyday-word list (English has one).
   */
  readsOpeningsByEvidence: boolean;
}

/** Languages whose nouns all take a capital. */
const NOUNS_CAPITALISED = new Set(['de']);
/**
 * Articles join a name only after its particle ("von der Leyen", "Partido de los Trabajadores");
 * elsewhere they stand between a verb or a noun and the name ("habló el Partido", "Zahl der
 * Zusatzfelder").
 */
const ARTICLES = new Set('der die das den dem des el la le los las les lo'.split(' '));
const PARTICLES = new Set(['de', 'di', 'da', 'do', 'du', 'von', 'van']);
const articleAfterParticle = (gap: readonly string[]) =>
  gap.every((word, index) => !ARTICLES.has(word) || PARTICLES.has(gap[index - 1] ?? ''));

/** Languages that elide a short word before a vowel, and what they elide ("l'", "d'", "qu'"). */
const ELISIONS: Record<string, RegExp> = {
  fr: /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]/iu,
  it: /^(?:[ld]|dell|all|dall|nell|sull|un)['’]/iu,
};

/** Words for "and": in English news a firm's name may hold one ("Procter and Gamble"). */
const AND_WORDS = ['and', '&', 'e', 'y', 'et', 'und', 'i', 'a', 'en', 'och', 've'];
/** Articles that follow "de" inside Romance names ("de los", "de las", "de l'"). */
const ROMANCE_ARTICLES = ['los', 'las', 'les', 'lo'];

const everyConnector = (connectors: ReadonlySet<string>) => (gap: readonly string[]) =>
  gap.every((word) => connectors.has(word));

// English's function words are the spotter's own lists (words.ts), asked everywhere already.
const ENGLISH: Language = {
  isFunctionWord: () => false,
  joinsName: everyConnector(CONNECTORS),
  capitalisesNouns: false,
  readsOpeningsByEvidence: false,
};

const known = new Map<string, Language>([['en', ENGLISH]]);

/** The language of a BCP 47 tag ("fr", "pt-BR"); English for one Gloss has no word lists for. */
export function languageOf(tag = 'en'): Language {
  const code = tag.toLowerCase().split(/[-_]/)[0] ?? 'en';
  let language = known.get(code);
  if (language) return language;
  const words = STOP_WORDS_BY_LANGUAGE[code];
  if (!words) return ENGLISH;
  const connectors = new Set([...CONNECTORS, ...ROMANCE_ARTICLES]);
  for (const word of AND_WORDS) connectors.delete(word);
  const onlyConnectors = everyConnector(connectors);
  // A few hundred words, made a set once per language a page is read in: asked of every run.
  const functionWords = new Set(words.split(' '));
  language = {
    isFunctionWord: (word) => functionWords.has(word.toLowerCase()),
    joinsName: (gap) => onlyConnectors(gap) && articleAfterParticle(gap),
    ...(ELISIONS[code]
      ? { elisionBefore: (word: string) => ELISIONS[code]!.exec(word)?.[0].length ?? 0 }
      : {}),
    capitalisesNouns: NOUNS_CAPITALISED.has(code),
    readsOpeningsByEvidence: true,
  };
  known.set(code, language);
  return language;
}
