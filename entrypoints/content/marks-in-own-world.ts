import { liveRange, type Marks } from './marks';

/** A marked name as the page lays it out: its text and the boxes of its lines, in the viewport. */
export interface MarkedName {
  text: string;
  /** The text from the mark's start to its text node's end (at most 80 characters). */
  rest: string;
  /** Where the mark ends in its text node. */
  end: number;
  boxes: Array<{ left: number; top: number; width: number; height: number }>;
}

/**
 * Lists the marks in the content script's own world, where no page script reaches (its globals
 * are not the page's): the end-to-end tests read them there over the browser's debugging
 * protocol, as the page itself cannot.
 */
export function listMarksInOwnWorld(marks: Marks): void {
  (globalThis as { glossMarks?: (measure?: boolean) => MarkedName[] }).glossMarks = (
    measure = true,
  ) =>
    marks.inOrder().map((mention) => ({
      text: mention.surface,
      rest: mention.node.data.slice(mention.start, mention.start + 80),
      end: mention.end,
      // Measuring thousands of marks takes a while: a count or a list of texts goes without.
      boxes: !measure
        ? []
        : Array.from(liveRange(mention).getClientRects(), (box) => ({
            left: box.left,
            top: box.top,
            width: box.width,
            height: box.height,
          })),
    }));
}
