import { normaliseAlias } from '../../core/alias';
import type { ResolvedName } from '../../core/entity';
import type { MarkStyle } from '../../core/settings';

/** A resolved name on the page: where it is and what it means. */
export interface Mention {
  surface: string;
  entity: ResolvedName;
  node: Text;
  start: number;
  end: number;
  /**
   * What the highlight draws. Static: the browser need not keep thousands of live ranges up to date
   * on every change the page makes (a changed text node's marks are taken away and read again).
   */
  range: StaticRange;
}

/** A live range over a mention, for measuring its boxes now. */
export function liveRange({ node, start, end }: Mention): Range {
  const range = document.createRange();
  range.setStart(node, Math.min(start, node.length));
  range.setEnd(node, Math.min(end, node.length));
  return range;
}

/** How a mark looks: a dotted underline, or (the reader's choice) a tint behind the name. */
const MARK_STYLES: Record<MarkStyle, string> = {
  underline:
    'text-decoration-line: underline; text-decoration-style: dotted; ' +
    'text-decoration-thickness: 1.5px; text-decoration-color: rgb(37 99 235 / 0.75);',
  tint: 'background-color: rgb(37 99 235 / 0.12);',
};

/**
 * A highlight name no page can guess or recognise: a fixed one would tell every page that Gloss
 * is installed, and let it register a highlight of that name first to restyle or hide the marks.
 * A letter first, so it is a valid CSS identifier.
 */
function unguessableName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `h${Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0')).join('')}`;
}

/**
 * The page's mentions, drawn with the CSS Custom Highlight API (no element added, no text moved)
 * and found again under the pointer. Every mention is drawn alike: a separate style for the names
 * the reader follows would tell the page what its reader follows.
 */
export class Marks {
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly highlight = new Highlight();
  private readonly sheet = new CSSStyleSheet();
  private readonly marked = new Set<string>();
  private readonly name = unguessableName();
  private styleElement: HTMLStyleElement | undefined;
  /** Shadow roots given the marks' style: the document's sheets do not reach into them. */
  private readonly styledShadows = new Map<ShadowRoot, HTMLStyleElement | undefined>();
  private count = 0;

  constructor(style: MarkStyle = 'underline') {
    // The style goes in a constructed sheet, as the name is known only now; the manifest's
    // stylesheets are fixed at build time. It joins the document with the first marks
    // (`keepStyle`), and the highlight with the first mark: a page with no names pays no style
    // recalculation for it, and finds no trace of Gloss.
    this.sheet.replaceSync(`::highlight(${this.name}) { ${MARK_STYLES[style]} }`);
  }

  /** How many mentions are marked. */
  get size(): number {
    return this.count;
  }

  /** Whether an entity is marked somewhere on the page already. */
  hasEntity(key: string): boolean {
    return this.marked.has(key);
  }

  add(node: Text, start: number, end: number, entity: ResolvedName): void {
    const range = new StaticRange({
      startContainer: node,
      startOffset: start,
      endContainer: node,
      endOffset: end,
    });
    const mention = { surface: node.data.slice(start, end), entity, node, start, end, range };
    const root = node.getRootNode();
    if (root instanceof ShadowRoot && !this.styledShadows.has(root)) this.styleShadow(root);
    if (this.count === 0) CSS.highlights.set(this.name, this.highlight);
    this.highlight.add(range);
    this.marked.add(entity.key);
    this.count += 1;
    const list = this.byNode.get(node);
    if (list) list.push(mention);
    else this.byNode.set(node, [mention]);
  }

  /**
   * The reader said what `name` means here (an ambiguous name's meaning, or the right entity for
   * a wrong one): its mentions now stand for `entity`.
   */
  reassign(name: string, entity: ResolvedName): void {
    const chosen = normaliseAlias(name);
    for (const list of this.byNode.values())
      for (const mention of list)
        if (mention.entity.ambiguous?.name === name || normaliseAlias(mention.surface) === chosen)
          mention.entity = entity;
    this.marked.add(entity.key);
  }

  /** Takes away the marks of a name the reader asked not to be marked (in any case or spacing). */
  removeName(name: string): void {
    const unmarked = normaliseAlias(name);
    for (const [node, list] of this.byNode) {
      const kept = list.filter((mention) => normaliseAlias(mention.surface) !== unmarked);
      if (kept.length === list.length) continue;
      for (const mention of list) if (!kept.includes(mention)) this.highlight.delete(mention.range);
      this.count -= list.length - kept.length;
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
  }

  /** Forgets a text node's mentions (its text changed, or it left the page). */
  removeNode(node: Text): void {
    for (const mention of this.byNode.get(node) ?? []) {
      this.count -= 1;
      this.highlight.delete(mention.range);
    }
    this.byNode.delete(node);
  }

  /** Every mention in reading order (a shadow tree's where its host is). */
  inOrder(): Mention[] {
    return [...this.byNode.values()]
      .flat()
      .filter((mention) => mention.node.isConnected)
      .sort((a, b) => (a.node === b.node ? a.start - b.start : readingOrder(a.node, b.node)));
  }

  /** The mention under a viewport point, if any. */
  at(x: number, y: number): Mention | undefined {
    const caret = caretAt(x, y);
    const candidates = caret && this.byNode.get(caret.node as Text);
    // The caret snaps to the nearest character boundary, also past a line's end: confirm with the
    // mention's own boxes that the pointer is really over it.
    if (candidates)
      return candidates.find(
        (mention) =>
          mention.start <= caret.offset && caret.offset <= mention.end && covers(mention, x, y),
      );
    // Over a shadow tree the caret stops at its host: look inside the innermost open tree's
    // element under the point instead.
    if (this.styledShadows.size === 0) return undefined;
    let element = document.elementFromPoint(x, y);
    for (let inner = element?.shadowRoot?.elementFromPoint(x, y); inner && inner !== element;) {
      element = inner;
      inner = element.shadowRoot?.elementFromPoint(x, y);
    }
    for (const child of element?.childNodes ?? [])
      for (const mention of this.byNode.get(child as Text) ?? [])
        if (covers(mention, x, y)) return mention;
    return undefined;
  }

  /** Takes every mark away (Gloss turned off here, or unloaded). */
  clear(): void {
    CSS.highlights.delete(this.name);
    try {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
        (sheet) => sheet !== this.sheet,
      );
    } catch {
      // Never adopted: the <style> element went in instead.
    }
    this.styleElement?.remove();
    for (const [shadow, style] of this.styledShadows) {
      if (style) style.remove();
      else
        shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter(
          (sheet) => sheet !== this.sheet,
        );
    }
    this.styledShadows.clear();
    this.byNode.clear();
    this.marked.clear();
    this.count = 0;
  }

  /**
   * Puts the marks' style in the document, or back when the page replaced its sheets (a
   * single-page app swapping themes): called once per answer marked, not once per mark.
   * Adopted, not a <style> element: the page's DOM and its mutation observers see nothing. Where a
   * content script may not set the page's sheets (Firefox's wrappers refused it in some versions),
   * a <style> element in <head> does the same.
   */
  keepStyle(): void {
    try {
      if (!document.adoptedStyleSheets.includes(this.sheet))
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    } catch {
      this.styleElement ??= document.createElement('style');
      this.styleElement.textContent = [...this.sheet.cssRules].map((rule) => rule.cssText).join('');
      if (!this.styleElement.isConnected)
        (document.head ?? document.documentElement).append(this.styleElement);
    }
  }

  /** Gives a shadow tree the marks' style, as `keepStyle` gives the document. */
  private styleShadow(shadow: ShadowRoot): void {
    try {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, this.sheet];
      this.styledShadows.set(shadow, undefined);
    } catch {
      const style = document.createElement('style');
      style.textContent = [...this.sheet.cssRules].map((rule) => rule.cssText).join('');
      shadow.append(style);
      this.styledShadows.set(shadow, style);
    }
  }
}

/** Whether a viewport point lies on one of a mention's boxes. */
function covers(mention: Mention, x: number, y: number): boolean {
  return Array.from(liveRange(mention).getClientRects()).some(
    (box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
  );
}

/** The chain of shadow hosts above a node, outermost first, then the node itself. */
function hostChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
    chain.unshift(root.host);
  return chain;
}

/** -1 when `a` comes before `b` in reading order, where a shadow tree reads at its host. */
function readingOrder(a: Node, b: Node): number {
  const chainA = hostChain(a);
  const chainB = hostChain(b);
  let level = 0;
  while (level < chainA.length - 1 && level < chainB.length - 1 && chainA[level] === chainB[level])
    level += 1;
  const [left, right] = [chainA[level]!, chainB[level]!];
  // One is the host of the other's tree: the host's own text reads first.
  if (left === right) return chainA.length - chainB.length;
  return left.compareDocumentPosition(right) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
