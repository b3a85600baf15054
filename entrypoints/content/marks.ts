import type { ResolvedName } from '../../core/entity';
import type { TextSpans } from './scan';

/** A resolved name on the page: where it is and what it means. */
export interface Mention {
  surface: string;
  entity: ResolvedName;
  node: Text;
  start: number;
  end: number;
  range: Range;
}

/** The registry name the page's stylesheet (assets/marks.css) draws as an underline. */
export const HIGHLIGHT_NAME = 'gloss-mention';

/** The page's mentions, found by text node for hit-testing the pointer. */
export class MentionIndex {
  private readonly byNode = new Map<Text, Mention[]>();
  readonly all: Mention[] = [];

  add(mention: Mention): void {
    this.all.push(mention);
    const list = this.byNode.get(mention.node);
    if (list) list.push(mention);
    else this.byNode.set(mention.node, [mention]);
  }

  /** The mention under a viewport point, if any. */
  at(x: number, y: number): Mention | undefined {
    const caret = caretAt(x, y);
    if (!caret) return undefined;
    const candidates = this.byNode.get(caret.node as Text);
    if (!candidates) return undefined;
    // The caret snaps to the nearest character boundary, also past a line's end: confirm with the
    // mention's own boxes that the pointer is really over it.
    return candidates.find(
      (mention) =>
        mention.start <= caret.offset &&
        caret.offset <= mention.end &&
        Array.from(mention.range.getClientRects()).some(
          (box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
        ),
    );
  }
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/**
 * Underlines every resolved name through the CSS Custom Highlight API: no element is added and no
 * text moves, so the page's layout and scripts are untouched.
 */
export function markMentions(
  found: readonly TextSpans[],
  resolved: Readonly<Record<string, ResolvedName>>,
): MentionIndex {
  const index = new MentionIndex();
  for (const { node, spans } of found) {
    for (const span of spans) {
      const entity = resolved[span.surface];
      if (!entity) continue;
      const range = document.createRange();
      range.setStart(node, span.start);
      range.setEnd(node, span.end);
      index.add({ surface: span.surface, entity, node, start: span.start, end: span.end, range });
    }
  }
  if (index.all.length > 0 && 'highlights' in CSS) {
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...index.all.map((mention) => mention.range)));
  }
  return index;
}
