import { isDemonym } from '../lexicon';
import type { Word } from './word';
import { COMPANY_FORMS, FIRM_ENDINGS, NEVER_ALONE } from './words';

/**
 * "Goldman, Sachs and Co", "Dillon, Read and Co Inc": partners' surnames listed with commas, then
 * "and" and a company form, are one firm. Without the company form a list is a list ("Russia,
 * China and Iran").
 */
export function joinPartnerships(text: string, runs: Word[][]): Word[][] {
  const joined: Word[][] = [];
  for (let index = 0; index < runs.length; index += 1) {
    let last = index;
    while (
      last < runs.length - 1 &&
      isPartnerName(runs[last]!) &&
      runs[last + 1]![0]!.start === runs[last]![0]!.end + 2 &&
      text.startsWith(', ', runs[last]![0]!.end)
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
