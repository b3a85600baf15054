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
]);

export interface TextSpans {
  node: Text;
  spans: Span[];
}

/** Candidate names in every readable text node under `root`, in document order. */
export function scanText(root: Node, skip: (element: Element) => boolean): TextSpans[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || SKIPPED.has(parent.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
      if (parent.isContentEditable || skip(parent)) return NodeFilter.FILTER_REJECT;
      // Whitespace between tags holds no names: skip it without running the spotter.
      return (node as Text).data.trim().length > 1
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT;
    },
  });
  const found: TextSpans[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const spans = spot((node as Text).data);
    if (spans.length > 0) found.push({ node: node as Text, spans });
  }
  return found;
}
