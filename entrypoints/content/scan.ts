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

/**
 * Spots names in text nodes from `from` on, until `budgetMs` has passed (a slice of idle time);
 * answers what it found and where to go on from.
 */
export function spotNodes(
  nodes: readonly Text[],
  from: number,
  budgetMs: number,
): { found: TextSpans[]; next: number } {
  const found: TextSpans[] = [];
  const started = performance.now();
  let index = from;
  while (index < nodes.length) {
    const node = nodes[index]!;
    index += 1;
    const parent = node.parentElement;
    if (!parent) continue;
    const text = node.data;
    const spans = spot(text);
    if (spans.length > 0) {
      const heading =
        HEADINGS.has(parent.tagName.toUpperCase()) || parent.closest('h1,h2,h3,h4,h5,h6') !== null;
      found.push({ node, text, spans, heading });
    }
    if (performance.now() - started > budgetMs) break;
  }
  return { found, next: index };
}
