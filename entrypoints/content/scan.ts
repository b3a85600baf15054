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
const SVG = 'http://www.w3.org/2000/svg';

/** How an element's text is read: not at all (code, forms, editors, SVG)… */
const SKIP = 1;
/** …or as a heading, whose capitals are no sign of a name. */
const HEADING = 2;

/**
 * How an element's text is read (`SKIP`, `HEADING` or 0), from the element and its ancestors.
 * Answers are kept per element, so a page's thousands of text nodes cost one walk up per distinct
 * parent, not one each.
 */
export function readingOf(): (element: Element | null) => number {
  const known = new Map<Element, number>();
  const reading = (element: Element | null): number => {
    if (!element) return 0;
    let answer = known.get(element);
    if (answer === undefined) {
      const tag = element.tagName.toUpperCase();
      const editable = element.getAttribute('contenteditable');
      answer =
        SKIPPED.has(tag) ||
        element.namespaceURI === SVG ||
        (editable !== null && editable !== 'false')
          ? SKIP
          : reading(element.parentElement) | (HEADINGS.has(tag) ? HEADING : 0);
      known.set(element, answer);
    }
    return answer;
  };
  return reading;
}

/** Text nodes to read, and for each whether it lies in a heading. */
export interface TakenText {
  nodes: Text[];
  headings: boolean[];
}

/**
 * Walks the readable text nodes under `root` that `seen` does not hold yet (adding them: a node is
 * scanned once, until its text changes), a slice at a time. The browser walks the text nodes
 * natively; a filter called back for every element costs tens of times more on a large page.
 */
export class TextCollector {
  private readonly walker: TreeWalker | undefined;
  private pending: Text | undefined;
  private readonly reading: (element: Element | null) => number;

  constructor(
    root: Node,
    private readonly seen: WeakSet<Text>,
  ) {
    this.reading = readingOf();
    if (document.designMode === 'on') return;
    if (root.nodeType === Node.TEXT_NODE) this.pending = root as Text;
    else this.walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  /**
   * Text nodes worth spotting, gathered until `budgetMs` has passed; `done` when the walk is over.
   * Cheapest tests first: most text nodes are whitespace between tags (their length is read
   * without copying their text), and a script's or style's text is never copied at all. One loop,
   * no call per node: it runs once per page, before the engine has compiled it.
   */
  take(budgetMs: number, into: TakenText): { done: boolean } {
    const started = performance.now();
    const { seen, reading, walker } = this;
    // Text nodes side by side share their parent: its reading is asked for once.
    let parent: Element | null = null;
    let how = 0;
    for (let count = 1; ; count += 1) {
      const node = this.pending ?? (walker?.nextNode() as Text | null | undefined);
      this.pending = undefined;
      if (!node) return { done: true };
      if (node.length >= 2) {
        if (node.parentElement !== parent) {
          parent = node.parentElement;
          how = reading(parent);
        }
        if ((how & SKIP) === 0 && !seen.has(node) && WORDS.test(node.data)) {
          seen.add(node);
          into.nodes.push(node);
          into.headings.push((how & HEADING) !== 0);
        }
      }
      if (count % 64 === 0 && performance.now() - started > budgetMs) return { done: false };
    }
  }
}

/** Two characters other than spaces in a row: text with a word in it. */
const WORDS = /\S\S/;

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
export function* pageTexts({ nodes, headings }: TakenText): Generator<TextBatch> {
  let batch: TextBatch = { nodes: [], sources: [], texts: [] };
  let chars = 0;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    // A node taken out of the page meanwhile has nothing left to mark.
    if (!node.parentElement) continue;
    const source = node.data;
    const text = source.length > MAX_NODE_CHARS ? cut(source) : source;
    if (batch.nodes.length >= BATCH_NODES || (chars > 0 && chars + text.length > BATCH_CHARS)) {
      yield batch;
      batch = { nodes: [], sources: [], texts: [] };
      chars = 0;
    }
    batch.nodes.push(node);
    batch.sources.push(source);
    batch.texts.push({ text, heading: headings[index]! });
    chars += text.length;
  }
  yield batch;
}

/** A long text cut to `MAX_NODE_CHARS`, at a word's end. */
function cut(text: string): string {
  const space = text.lastIndexOf(' ', MAX_NODE_CHARS);
  return text.slice(0, space > 0 ? space : MAX_NODE_CHARS);
}
