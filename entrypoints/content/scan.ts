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

/** Whether an element's text is off limits: code, forms, editors, SVG, or Gloss's own UI. */
export function isSkipped(element: Element, ownTags: ReadonlySet<string>): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const tag = current.tagName.toUpperCase();
    if (
      SKIPPED.has(tag) ||
      ownTags.has(tag) ||
      current.namespaceURI === 'http://www.w3.org/2000/svg'
    )
      return true;
  }
  return (element as HTMLElement).isContentEditable === true;
}

/**
 * Candidate names in readable text nodes under `root` that `seen` does not hold yet, adding them
 * to it: a text node is scanned once (until its text changes).
 */
export function scanText(
  root: Node,
  seen: WeakSet<Text>,
  ownTags: ReadonlySet<string>,
): TextSpans[] {
  if (root.nodeType === Node.TEXT_NODE) return scanNodes([root as Text], seen, ownTags);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const element = node as Element;
        const tag = element.tagName.toUpperCase();
        // Reject the whole subtree of skipped elements without visiting it.
        if (SKIPPED.has(tag) || ownTags.has(tag) || (element as HTMLElement).isContentEditable) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const texts: Text[] = [];
  if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element, ownTags)) return [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  return scanNodes(texts, seen, ownTags);
}

function scanNodes(texts: Text[], seen: WeakSet<Text>, ownTags: ReadonlySet<string>): TextSpans[] {
  const found: TextSpans[] = [];
  for (const node of texts) {
    if (seen.has(node)) continue;
    seen.add(node);
    const text = node.data;
    // Whitespace between tags holds no names: skip it without running the spotter.
    if (text.length < 2 || !/\S\S/.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || (texts.length === 1 && isSkipped(parent, ownTags))) continue;
    const spans = spot(text);
    if (spans.length > 0) {
      const heading =
        HEADINGS.has(parent.tagName.toUpperCase()) || parent.closest('h1,h2,h3,h4,h5,h6') !== null;
      found.push({ node, text, spans, heading });
    }
  }
  return found;
}
