import type { ResolvedName } from '../../core/entity';

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

/** The registry name the page's stylesheet (assets/marks.css) draws as an underline. */
export const HIGHLIGHT_NAME = 'gloss-mention';
/** The same, for readers who chose a tint behind names rather than an underline. */
export const TINT_HIGHLIGHT_NAME = 'gloss-mention-tint';
/** Names the reader follows (subscribed topics), drawn a little stronger on top. */
export const FOLLOWED_HIGHLIGHT_NAME = 'gloss-followed';
/** The element that wraps a mention where the Custom Highlight API is missing. */
export const WRAP_TAG = 'gloss-mark';

const canHighlight = () =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * The page's mentions, drawn and found again under the pointer. Drawn with the CSS Custom Highlight
 * API (no element added, no text moved); only where it is missing is each mention wrapped.
 */
export class Marks {
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly highlight = canHighlight() ? new Highlight() : undefined;
  private readonly followedHighlight = canHighlight() ? new Highlight() : undefined;
  private readonly marked = new Set<string>();
  private readonly followed = new Set<string>();
  private readonly name: string;
  private count = 0;

  constructor(style: 'underline' | 'tint' = 'underline') {
    this.name = style === 'tint' ? TINT_HIGHLIGHT_NAME : HIGHLIGHT_NAME;
    if (this.highlight) CSS.highlights.set(this.name, this.highlight);
    if (this.followedHighlight) CSS.highlights.set(FOLLOWED_HIGHLIGHT_NAME, this.followedHighlight);
  }

  /** The reader started or stopped following an entity: its mentions are drawn accordingly. */
  setFollowed(key: string, followed: boolean): void {
    if (followed) this.followed.add(key);
    else this.followed.delete(key);
    for (const list of this.byNode.values())
      for (const mention of list)
        if (mention.entity.key === key) {
          if (followed) this.followedHighlight?.add(mention.range);
          else this.followedHighlight?.delete(mention.range);
        }
  }

  /** Whether mentions are wrapped in elements (the Custom Highlight API is missing). */
  get wraps(): boolean {
    return !this.highlight;
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
    let target = node;
    let from = start;
    let to = end;
    if (!this.highlight) {
      // Fallback: wrap the mention's text, then track the wrapped text node.
      const wrapper = document.createElement(WRAP_TAG);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      range.surroundContents(wrapper);
      target = wrapper.firstChild as Text;
      from = 0;
      to = target.length;
    }
    const range = new StaticRange({
      startContainer: target,
      startOffset: from,
      endContainer: target,
      endOffset: to,
    });
    const mention = {
      surface: target.data.slice(from, to),
      entity,
      node: target,
      start: from,
      end: to,
      range,
    };
    this.highlight?.add(range);
    if (entity.followed) this.followed.add(entity.key);
    if (this.followed.has(entity.key)) this.followedHighlight?.add(range);
    this.marked.add(entity.key);
    this.count += 1;
    const list = this.byNode.get(target);
    if (list) list.push(mention);
    else this.byNode.set(target, [mention]);
  }

  /** An ambiguous name's meaning was chosen: its mentions now stand for `entity`. */
  reassign(name: string, entity: ResolvedName): void {
    for (const list of this.byNode.values())
      for (const mention of list)
        if (mention.entity.ambiguous?.name === name) mention.entity = entity;
    this.marked.add(entity.key);
  }

  /** Forgets a text node's mentions (its text changed, or it left the page). */
  removeNode(node: Text): void {
    for (const mention of this.byNode.get(node) ?? []) {
      this.count -= 1;
      this.highlight?.delete(mention.range);
      this.followedHighlight?.delete(mention.range);
    }
    this.byNode.delete(node);
  }

  /** Every mention in reading (document) order. */
  inOrder(): Mention[] {
    return [...this.byNode.values()]
      .flat()
      .filter((mention) => mention.node.isConnected)
      .sort((a, b) =>
        a.node === b.node
          ? a.start - b.start
          : a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING
            ? -1
            : 1,
      );
  }

  /** The mention under a viewport point, if any. */
  at(x: number, y: number): Mention | undefined {
    const caret = caretAt(x, y);
    if (!caret) return undefined;
    const candidates = this.byNode.get(caret.node as Text);
    if (!candidates) return undefined;
    // The caret snaps to the nearest character boundary, also past a line's end: confirm with the
    // mention's own boxes that the pointer is really over it.
    return candidates.find(
      (mention) =>
        mention.start <= caret.offset &&
        caret.offset <= mention.end &&
        Array.from(liveRange(mention).getClientRects()).some(
          (box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
        ),
    );
  }

  /** Takes every mark away (Gloss turned off here, or unloaded): highlights and wrappers alike. */
  clear(): void {
    if (this.highlight) {
      CSS.highlights.delete(this.name);
      CSS.highlights.delete(FOLLOWED_HIGHLIGHT_NAME);
    } else {
      for (const wrapper of document.querySelectorAll(WRAP_TAG))
        wrapper.replaceWith(...wrapper.childNodes);
    }
    this.byNode.clear();
    this.marked.clear();
    this.count = 0;
  }
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
