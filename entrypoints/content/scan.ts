import type { PageText } from '../../core/mentions';

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

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const HEADING = 'h1,h2,h3,h4,h5,h6';
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

/** Text past this far into one node is left alone: no one reads a megabyte without a break. */
export const MAX_NODE_CHARS = 1_000_000;
/**
 * About this much text goes to the background in one message: a page under 100k characters (most
 * articles) is read in one batch, and a longer one gets its first marks before the rest is read.
 */
const BATCH_CHARS = 100_000;
/** At most this many text nodes in one message (the background takes up to 10,000). */
const BATCH_NODES = 5_000;

/** A batch of text nodes, their text as it was read, and what is sent of it. */
export interface TextBatch {
  nodes: Text[];
  sources: string[];
  texts: PageText[];
}

/** The nodes' texts in batches of about `BATCH_CHARS` (or `BATCH_NODES` nodes), each node's text up to `MAX_NODE_CHARS`. */
export function* pageTexts(nodes: readonly Text[]): Generator<TextBatch> {
  let batch: TextBatch = { nodes: [], sources: [], texts: [] };
  let chars = 0;
  for (const node of nodes) {
    const parent = node.parentElement;
    // A node taken out of the page meanwhile has nothing left to mark.
    if (!parent) continue;
    const source = node.data;
    const text = source.length > MAX_NODE_CHARS ? cut(source) : source;
    if (batch.nodes.length >= BATCH_NODES || (chars > 0 && chars + text.length > BATCH_CHARS)) {
      yield batch;
      batch = { nodes: [], sources: [], texts: [] };
      chars = 0;
    }
    const heading = HEADINGS.has(parent.tagName.toUpperCase()) || parent.closest(HEADING) !== null;
    batch.nodes.push(node);
    batch.sources.push(source);
    batch.texts.push({ text, heading });
    chars += text.length;
  }
  yield batch;
}

/** A long text cut to `MAX_NODE_CHARS`, at a word's end. */
function cut(text: string): string {
  const space = text.lastIndexOf(' ', MAX_NODE_CHARS);
  return text.slice(0, space > 0 ? space : MAX_NODE_CHARS);
}
