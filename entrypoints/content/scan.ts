import { spot, type Span } from '../../core/spotter';

/** Text the reader cannot read as prose, or is typing into: never scanned. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TEMPLATE',
  'CODE',
  'PRE',
  'SVG',
  'MATH',
  'IFRAME',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'KBD',
  'SAMP',
  'VAR',
]);

export interface TextSpans {
  node: Text;
  text: string;
  spans: Span[];
  /** Inside a heading, where title case makes every word look like a name. */
  heading: boolean;
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const SVG = 'http://www.w3.org/2000/svg';

/**
 * Whether an element's text is off limits: code, forms, editors, SVG, or Gloss's own UI, on the
 * element or any ancestor. Answers are kept per element, so a page's thousands of text nodes cost
 * one walk up per distinct parent, not one each.
 */
export function skipChecker(ownTags: ReadonlySet<string>): (element: Element | null) => boolean {
  const known = new Map<Element, boolean>();
  const skipped = (element: Element | null): boolean => {
    if (!element) return false;
    let answer = known.get(element);
    if (answer === undefined) {
      const tag = element.tagName.toUpperCase();
      const editable = element.getAttribute('contenteditable');
      answer =
        SKIPPED.has(tag) ||
        ownTags.has(tag) ||
        element.namespaceURI === SVG ||
        (editable !== null && editable !== 'false') ||
        skipped(element.parentElement);
      known.set(element, answer);
    }
    return answer;
  };
  return skipped;
}

/**
 * Walks the readable text nodes under `root` that `seen` does not hold yet (adding them: a node is
 * scanned once, until its text changes), a slice at a time. The browser walks the text nodes
 * natively; a filter called back for every element costs tens of times more on a large page.
 */
export class TextCollector {
  private readonly walker: TreeWalker | undefined;
  private pending: Text | undefined;
  private readonly skipped: (element: Element | null) => boolean;

  constructor(
    root: Node,
    private readonly seen: WeakSet<Text>,
    ownTags: ReadonlySet<string>,
  ) {
    this.skipped = skipChecker(ownTags);
    if (document.designMode === 'on') return;
    if (root.nodeType === Node.TEXT_NODE) this.pending = root as Text;
    else this.walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  /** Text nodes worth spotting, gathered until `budgetMs` has passed; `done` when the walk is over. */
  take(budgetMs: number): { nodes: Text[]; done: boolean } {
    const nodes: Text[] = [];
    const started = performance.now();
    for (;;) {
      const node = this.pending ?? (this.walker?.nextNode() as Text | null | undefined);
      this.pending = undefined;
      if (!node) return { nodes, done: true };
      this.consider(node, nodes);
      if (nodes.length % 64 === 63 && performance.now() - started > budgetMs)
        return { nodes, done: false };
    }
  }

  private consider(node: Text, into: Text[]): void {
    if (this.seen.has(node)) return;
    this.seen.add(node);
    const text = node.data;
    // Whitespace between tags holds no names.
    if (text.length < 2 || !/\S\S/.test(text)) return;
    if (!this.skipped(node.parentElement)) into.push(node);
  }
}

/** Where spotting stands: the node, and how far into a long node's text it has got. */
export interface SpotCursor {
  index: number;
  offset: number;
  /** Spans found so far in the node being spotted in pieces. */
  partial: Span[];
}

export const START: SpotCursor = { index: 0, offset: 0, partial: [] };

/** A long text node is spotted in pieces of about this many characters, one slice at a time. */
const PIECE_CHARS = 20_000;
/** Text past this far into one node is left alone: no one reads a megabyte without a break. */
export const MAX_NODE_CHARS = 1_000_000;

/**
 * Spots names in text nodes from `from` on, until `budgetMs` has passed (a slice of idle time);
 * answers what it found and where to go on from. A long node is spotted a piece at a time, each
 * piece ending at a sentence's or word's end, so one huge text node never holds the thread.
 */
export function spotNodes(
  nodes: readonly Text[],
  from: SpotCursor,
  budgetMs: number,
): { found: TextSpans[]; next: SpotCursor } {
  const found: TextSpans[] = [];
  const started = performance.now();
  let { index, offset, partial } = from;
  while (index < nodes.length) {
    const node = nodes[index]!;
    const parent = node.parentElement;
    const text = node.data;
    const length = Math.min(text.length, MAX_NODE_CHARS);
    if (parent && offset < length) {
      const end = pieceEnd(text, offset, length);
      const spans = offset === 0 && end === text.length ? spot(text) : shifted(text, offset, end);
      partial = partial.length === 0 ? spans : partial.concat(spans);
      offset = end;
    }
    if (!parent || offset >= length) {
      // A node taken out of the page meanwhile has nothing left to mark.
      if (parent && partial.length > 0) {
        const heading =
          HEADINGS.has(parent.tagName.toUpperCase()) ||
          parent.closest('h1,h2,h3,h4,h5,h6') !== null;
        found.push({ node, text, spans: partial, heading });
      }
      index += 1;
      offset = 0;
      partial = [];
    }
    if (performance.now() - started > budgetMs) break;
  }
  return { found, next: { index, offset, partial } };
}

/** Where the piece of `text` starting at `from` ends: after a sentence if one ends near the limit. */
function pieceEnd(text: string, from: number, length: number): number {
  if (length - from <= PIECE_CHARS) return length;
  const limit = from + PIECE_CHARS;
  const sentence = text.lastIndexOf('. ', limit);
  if (sentence > from + PIECE_CHARS / 2) return sentence + 2;
  const space = text.lastIndexOf(' ', limit);
  return space > from ? space + 1 : limit;
}

/** The spans in `text` from `from` to `to`, at their offsets in the whole text. */
function shifted(text: string, from: number, to: number): Span[] {
  return spot(text.slice(from, to)).map((span) => ({
    start: span.start + from,
    end: span.end + from,
    surface: span.surface,
  }));
}
