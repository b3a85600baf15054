import { normaliseAlias } from '../../core/alias';
import type { ResolvedName } from '../../core/entity';
import type { MarkStyle } from '../../core/settings';
import { MarkLayer } from './mark-layer';

/** A resolved name on the page: where it is and what it means. */
export interface Mention {
  surface: string;
  entity: ResolvedName;
  node: Text;
  start: number;
  end: number;
}

/** A live range over a mention, for measuring its boxes now. */
export function liveRange({ node, start, end }: Mention): Range {
  const range = document.createRange();
  range.setStart(node, Math.min(start, node.length));
  range.setEnd(node, Math.min(end, node.length));
  return range;
}

/**
 * The page's mentions, drawn in a layer no page script can read (`MarkLayer`) and found again
 * under the pointer. Every mention is drawn alike: a separate style for the names the reader
 * follows would tell the page what its reader follows.
 */
export class Marks {
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly marked = new Set<string>();
  private readonly layer: MarkLayer;
  private count = 0;
  /** Whether any mention lies in a shadow tree: only then is the point hit-tested inside one. */
  private inShadow = false;

  constructor(style: MarkStyle = 'underline') {
    // The layer joins the page with the first mark: a page with no names finds no trace of Gloss.
    this.layer = new MarkLayer(style, {
      nodes: () => this.byNode.keys(),
      spansOf: (node) => this.byNode.get(node),
    });
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
    const mention = { surface: node.data.slice(start, end), entity, node, start, end };
    if (!this.inShadow && node.getRootNode() instanceof ShadowRoot) this.inShadow = true;
    this.marked.add(entity.key);
    this.count += 1;
    const list = this.byNode.get(node);
    if (!list) this.byNode.set(node, [mention]);
    // A node's mentions are kept in the order of their text, for the layer's bisection.
    else list.splice(sortedIndex(list, start), 0, mention);
    // Marking moves no text: only this node's marks need drawing.
    this.layer.changedNode(node);
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
      this.count -= list.length - kept.length;
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
    this.layer.schedule();
  }

  /** Forgets a text node's mentions (its text changed, or it left the page). */
  removeNode(node: Text): void {
    const list = this.byNode.get(node);
    if (!list) return;
    this.count -= list.length;
    this.byNode.delete(node);
    // The page changed its text: what follows it may have moved too.
    this.layer.schedule();
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
    if (!this.inShadow) return undefined;
    let element = document.elementFromPoint(x, y);
    if (!element?.shadowRoot) return undefined;
    for (let inner = element.shadowRoot.elementFromPoint(x, y); inner && inner !== element;) {
      element = inner;
      inner = element.shadowRoot?.elementFromPoint(x, y) ?? null;
    }
    for (const child of element.childNodes)
      for (const mention of this.byNode.get(child as Text) ?? [])
        if (covers(mention, x, y)) return mention;
    return undefined;
  }

  /** Takes every mark away (Gloss turned off here, or unloaded). */
  clear(): void {
    this.layer.close();
    this.byNode.clear();
    this.marked.clear();
    this.count = 0;
    this.inShadow = false;
  }
}

/** Where a mention starting at `start` goes in a node's list, kept in order of start. */
function sortedIndex(list: Mention[], start: number): number {
  let index = list.length;
  while (index > 0 && list[index - 1]!.start > start) index -= 1;
  return index;
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
