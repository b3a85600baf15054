import type { AliasMatch } from './alias-matcher';

/** What finds known names in a text: the bundled pack's matcher, a site's learnt names, or both. */
export interface NameIndex {
  /** The known names in `text`, in text order and never overlapping. */
  find(text: string): AliasMatch[];
}

/**
 * Several indexes read as one: where two find overlapping names the one that starts first wins, and
 * of two starting together the longer, as one matcher chooses among its own names.
 */
export function joinIndexes(...indexes: readonly NameIndex[]): NameIndex {
  if (indexes.length === 1) return indexes[0]!;
  return {
    find(text) {
      const all = indexes
        .flatMap((index) => index.find(text))
        .sort((a, b) => a.start - b.start || b.end - a.end);
      const kept: AliasMatch[] = [];
      for (const match of all) if (match.start >= (kept.at(-1)?.end ?? 0)) kept.push(match);
      return kept;
    },
  };
}
