import { isLanguageTag } from '../../core/language-tag';
import type { PageText } from '../../core/mention-finding';

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
          : reading(parentAcrossShadow(element)) | (HEADINGS.has(tag) ? HEADING : 0);
      known.set(element, answer);
    }
    return answer;
  };
  return reading;
}

/** A node's parent element, or for the top of a shadow tree its host: code in a shadow tree is code. */
function parentAcrossShadow(node: Node): Element | null {
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

/**
 * Text nodes to read, and for each whether it lies in a heading and the language its passage
 * declares where that is not the page's (undefined where it is).
 */
export interface TakenText {
  nodes: Text[];
  headings: boolean[];
  languages: Array<string | undefined>;
}

/**
 * The language an element's text declares (its own `lang` or its nearest ancestor's), where it is
 * not the page's; kept per element, as `readingOf` keeps its answers.
 */
export function passageLanguageOf(): (element: Element | null) => string | undefined {
  const page = document.documentElement.lang.trim();
  const known = new Map<Element, string>();
  const declared = (element: Element | null): string => {
    if (!element) return page;
    let answer = known.get(element);
    if (answer === undefined) {
      const own = element.getAttribute('lang');
      answer = own === null ? declared(parentAcrossShadow(element)) : own.trim();
      known.set(element, answer);
    }
    return answer;
  };
  return (element) => {
    const lang = declared(element);
    return lang && lang !== page && isLanguageTag(lang) ? lang : undefined;
  };
}

/**
 * Walks the readable text nodes under `root` that `seen` does not hold yet (adding them: a node is
 * scanned once, until its text changes), a slice at a time, and the open shadow roots below it
 * (web components' text is the page's text too; closed ones stay closed). The browser walks the
 * nodes natively; a filter called back for every element costs tens of times more on a large page.
 */
export class TextCollector {
  /** The walks under way: the innermost shadow tree's last, resumed once it is read. */
  private readonly walkers: TreeWalker[] = [];
  private pending: Text | undefined;
  private readonly reading: (element: Element | null) => number;
  private readonly passageLanguage: (element: Element | null) => string | undefined;

  /** `onShadowRoot` hears of each open shadow root the walk enters (to follow its changes). */
  constructor(
    root: Node,
    private readonly seen: WeakSet<Text>,
    private readonly onShadowRoot: (root: ShadowRoot) => void = () => undefined,
  ) {
    this.reading = readingOf();
    this.passageLanguage = passageLanguageOf();
    if (document.designMode === 'on') return;
    if (root.nodeType === Node.TEXT_NODE) this.pending = root as Text;
    else this.enter(root);
  }

  private enter(root: Node): void {
    this.walkers.push(
      document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT),
    );
    // A shadow host's own tree: the root given may be one (a custom element added later).
    const shadow = (root as Partial<Element>).shadowRoot;
    if (shadow) this.enterShadow(shadow);
  }

  private enterShadow(shadow: ShadowRoot): void {
    this.onShadowRoot(shadow);
    this.walkers.push(
      document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT),
    );
  }

  /** The next node of the innermost walk, or of the one it was entered from once it is over. */
  private next(): Node | null {
    for (;;) {
      const walker = this.walkers.at(-1);
      if (!walker) return null;
      const node = walker.nextNode();
      if (node) return node;
      this.walkers.pop();
    }
  }

  /**
   * Text nodes worth spotting, gathered until `budgetMs` has passed; `done` when the walk is over.
   * Cheapest tests first: most text nodes are whitespace between tags (their length is read
   * without copying their text), and a script's or style's text is never copied at all. One loop,
   * no call per node: it runs once per page, before the engine has compiled it.
   */
  take(budgetMs: number, into: TakenText): { done: boolean } {
    const started = performance.now();
    const { seen, reading, passageLanguage } = this;
    // Text nodes side by side share their parent: its reading is asked for once.
    let parent: Element | null = null;
    let how = 0;
    let lang: string | undefined;
    for (let count = 1; ; count += 1) {
      const node = this.pending ?? this.next();
      this.pending = undefined;
      if (!node) return { done: true };
      if (node.nodeType === Node.ELEMENT_NODE) {
        const shadow = (node as Element).shadowRoot;
        if (shadow) this.enterShadow(shadow);
      } else if ((node as Text).length >= 2) {
        const text = node as Text;
        // A text node at the top of a shadow tree has no parent element: its host's reading holds.
        const element = parentAcrossShadow(text);
        if (element !== parent) {
          parent = element;
          how = reading(parent);
          lang = how & SKIP ? undefined : passageLanguage(parent);
        }
        if ((how & SKIP) === 0 && !seen.has(text) && WORDS.test(text.data)) {
          seen.add(text);
          into.nodes.push(text);
          into.headings.push((how & HEADING) !== 0);
          into.languages.push(lang);
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
export function* pageTexts({ nodes, headings, languages }: TakenText): Generator<TextBatch> {
  let batch: TextBatch = { nodes: [], sources: [], texts: [] };
  let chars = 0;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    // A node taken out of the page meanwhile has nothing left to mark.
    if (!node.isConnected) continue;
    const source = node.data;
    const text = source.length > MAX_NODE_CHARS ? cut(source) : source;
    if (batch.nodes.length >= BATCH_NODES || (chars > 0 && chars + text.length > BATCH_CHARS)) {
      yield batch;
      batch = { nodes: [], sources: [], texts: [] };
      chars = 0;
    }
    batch.nodes.push(node);
    batch.sources.push(source);
    const lang = languages[index];
    batch.texts.push({ text, heading: headings[index]!, ...(lang ? { lang } : {}) });
    chars += text.length;
  }
  yield batch;
}

/** A long text cut to `MAX_NODE_CHARS`, at a word's end. */
function cut(text: string): string {
  const space = text.lastIndexOf(' ', MAX_NODE_CHARS);
  return text.slice(0, space > 0 ? space : MAX_NODE_CHARS);
}
