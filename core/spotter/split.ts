import type { TextEvidence } from './evidence';
import { joinsAnd, looksLikePerson, startsAnotherName } from './rules';
import { isOrdinary, type Word } from './word';
import { COMPANY_FORMS, DATES, HEADLINE_BREAKS, TITLE_ARTICLES } from './words';

/**
 * Splits a run where it joins what are really separate names: at "and" unless the word before it
 * is an everyday word inside an organisation's name ("Oil and Gas", but "Russia and China"); at
 * "of" after a company form; at capitalised function words and everyday words in a headline.
 */
export function split(evidence: TextEvidence, run: Word[], headline: boolean): Word[][] {
  const pieces: Word[][] = [[]];
  for (let index = 0; index < run.length; index += 1) {
    const word = run[index]!;
    const piece = pieces[pieces.length - 1]!;
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
        (COMPANY_FORMS.has(before.text) || looksLikePerson(piece))) ||
      (piece.length > 0 && HEADLINE_BREAKS.has(word.text) && index < run.length - 1) ||
      // "Southerns Georgia Power Co", "Irans Ahvaz field": wire copy's possessive without its
      // apostrophe ends one name (and is dropped, as the plural of a name is) before the next.
      (index === 0 &&
        run.length > 1 &&
        startsAnotherName(run[1]!) &&
        evidence.isPluralOfName(word.text)) ||
      (headline && isOrdinary(word));
    if (breaks) {
      if (piece.length > 0) pieces.push([]);
      // "A Current Affair on The Hague": outside a headline, a capitalised article begins the
      // next name. A headline's everyday word is dropped; a separator word is dropped too.
      if (!headline && TITLE_ARTICLES.has(word.text) && run[index + 1]?.capital)
        pieces[pieces.length - 1]!.push(word);
      continue;
    }
    piece.push(word);
  }
  return pieces;
}
