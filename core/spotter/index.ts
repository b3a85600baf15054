/**
 * Finds candidate names in plain text: runs of capitalised words joined by the small words names
 * contain ("National League for Democracy"), acronyms ("ASEAN", "COVID-19"), mixed forms ("iPhone"),
 * and, in scripts without capitals, known place names. It only proposes; the background decides
 * which candidates are articles. Pure code, run by the background and the command-line tools.
 *
 * A pipeline: `tokenise` finds the capitalised words and groups them into runs (one pass over the
 * characters), `joinPartnerships` joins firms listed with commas, `emit` cuts and trims each run by
 * the rules in `rules.ts` and `split.ts`, and known names join the result in scripts without
 * capitals (`merge.ts`).
 */
import { knownAliasesIn } from '../lexicon';
import { emit } from './emit';
import { TextEvidence } from './evidence';
import { HEADLINE_MAX_CHARS, isTitleCase } from './headline';
import { mergeKnownAliases } from './merge';
import { isLabel } from './labels';
import { languageOf } from './language';
import { joinPartnerships } from './partnerships';
import type { Span } from './span';
import { tokenise } from './tokenise';

export type { Span } from './span';

/** The candidate names in `text`, read as the language of the BCP 47 `lang` tag (English by default). */
export function spot(text: string, lang?: string): Span[] {
  const language = languageOf(lang);
  // Runs are turned into names once it is known whether the text is a title-case headline.
  const { runs, innerFunctionCapital, uncased } = tokenise(text, language.joinsName);
  if (runs.length === 0 || isLabel(text)) return uncased ? knownAliasesIn(text) : [];
  const headline = innerFunctionCapital && text.length <= HEADLINE_MAX_CHARS && isTitleCase(text);
  const evidence = new TextEvidence(text, runs, language);
  const spans: Span[] = [];
  for (const words of joinPartnerships(text, runs)) emit(evidence, words, spans, headline);
  return uncased ? mergeKnownAliases(spans, knownAliasesIn(text)) : spans;
}
