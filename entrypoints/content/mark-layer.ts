import type { MarkStyle } from '../../core/settings';
import { measure } from './timeline';

/** A text node's marks, as offsets into it in reading order. */
export type Spans = ReadonlyArray<{ start: number; end: number }>;

/** Where the layer finds what to draw. */
export interface MarkedText {
  /** Every marked text node. */
  nodes(): Iterable<Text>;
  /** A node's marks, or undefined when it has none (any more). */
  spansOf(node: Text): Spans | undefined;
}

/** How a mark looks: a dotted underline, or (the reader's choice) a tint behind the name. */
const BOX_STYLES: Record<MarkStyle, string> = {
  underline: 'border-bottom: 1.5px dotted rgb(37 99 235 / 0.75);',
  tint: 'background-color: rgb(37 99 235 / 0.12); border-radius: 2px;',
};

/** Events after which the page's text may have moved without the document changing size. */
const MOVED_EVENTS = ['transitionend', 'animationend', 'toggle', 'load'] as const;

/**
 * Marks are drawn for the viewport and this many viewport heights above and below it; the rest
 * wait until the reader scrolls near them, so a long page costs no more than a short one.
 */
const BAND_VIEWPORTS = 1;

/** The longest one draw runs; the rest of the marks are drawn in the frames after. */
const DRAW_BUDGET_MS = 8;

/** A node with more marks than this is searched for its first mark in the band rather than walked. */
const WALK_LIMIT = 16;

/** A viewport box of one line of a mark. */
type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>;

/** What a mark's ancestors do to it: clip it to a box, hide it, or carry it with the viewport. */
interface Clip {
  hidden: boolean;
  box: Box | undefined;
}

/**
 * Draws the page's marks as boxes in a closed shadow root laid over the document, where no page
 * script can read them: the CSS Custom Highlight API would be lighter, but its registry is shared
 * with the page, which could then enumerate every word Gloss marked. Nothing on the page moves:
 * the layer takes no room, no pointer and no selection, and its boxes follow the text when the
 * page scrolls (they are placed in document coordinates) and are placed again when its layout
 * changes (the document resizes, fonts load, an inner scroller scrolls, an animation ends).
 * Only marks within a viewport's height of the window are drawn, in slices of a few milliseconds,
 * each measured right after the browser's own layout.
 *
 * Marks inside fixed or sticky parts of the page are not drawn (they would drift as the page
 * scrolls); they still open their cards.
 */
export class MarkLayer {
  private host: HTMLElement | undefined;
  private root: ShadowRoot | undefined;
  /** The boxes drawn for each text node. */
  private readonly drawn = new Map<Text, HTMLElement[]>();
  /** Nodes whose marks are to be drawn again, in the order they were queued. */
  private readonly queue = new Set<Text>();
  /** The time spent on the pass that places every mark, over its slices so far. */
  private passCost = 0;
  /** Whether the next draw places every mark again (the layout changed, or the reader scrolled). */
  private everything = true;
  /** The document's size when the layer was last fitted to it. */
  private size = { width: 0, height: 0 };
  /** Whether a draw is asked for and not yet made. */
  private waiting = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * An element of the layer's own that is observed anew whenever a draw is due: the browser
   * answers right after its next layout, so measuring the marks then forces none (in an animation
   * frame, the page's pending layout would be done early, and counted as Gloss's), and the boxes
   * are painted in the same frame.
   */
  private sentinel: HTMLElement | undefined;
  private readonly due = new ResizeObserver(() => this.drawNow());
  /** A draw's cost sets the pause before the next, so a page that shakes its layout in a loop cannot make Gloss redraw every frame. */
  private pause = 0;
  private readonly watch = new AbortController();
  private readonly resized = new ResizeObserver(() => this.schedule());
  /** The page's vertical scroll at the last draw: the band was drawn around it. */
  private drawnAt = 0;

  constructor(
    private readonly style: MarkStyle,
    private readonly marked: MarkedText,
  ) {}

  /** Draws one text node's marks again (they were added or taken away) in the next frame. */
  changedNode(node: Text): void {
    this.queue.add(node);
    this.request();
  }

  /** Places every mark again in the next frame (once, however often it is asked). */
  schedule(): void {
    this.everything = true;
    this.request();
  }

  /** Asks for a draw; `soon` goes on with a pass begun, without the pause between passes. */
  private request(soon = false): void {
    if (this.timer || this.watch.signal.aborted) return;
    // A draw is asked for already, unless the page took the layer out meanwhile (its element
    // out of the page is never laid out, so never answered).
    if (this.waiting && this.host?.isConnected) return;
    if (!this.host) this.open();
    // The page may have replaced its <html> content: the layer goes back in.
    if (!this.host!.isConnected) {
      document.documentElement.append(this.host!);
      this.everything = true;
    }
    const ask = () => {
      this.waiting = true;
      this.due.unobserve(this.sentinel!);
      this.due.observe(this.sentinel!);
    };
    // Observed anew from within its own answer, the element would be answered in no loop of
    // this frame's (the browser reports that as an error to the page): the next frame asks.
    if (soon) {
      this.waiting = true;
      requestAnimationFrame(ask);
    } else if (this.pause < 16) ask();
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        ask();
      }, this.pause);
  }

  private drawNow(): void {
    if (!this.waiting || this.watch.signal.aborted) return;
    this.waiting = false;
    const started = performance.now();
    const passBegins = this.everything;
    const done = this.draw(started);
    const cost = performance.now() - started;
    measure('draw', started);
    this.passCost = passBegins ? cost : this.passCost + cost;
    if (!done) return this.request(true);
    this.pause = Math.min(1000, this.passCost * 10);
    this.passCost = 0;
  }

  /** Takes the layer off the page. */
  close(): void {
    clearTimeout(this.timer);
    this.waiting = false;
    this.timer = undefined;
    this.due.disconnect();
    this.watch.abort();
    this.resized.disconnect();
    this.host?.remove();
  }

  private open(): void {
    this.host = document.createElement('div');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const sheet = document.createElement('style');
    sheet.textContent =
      `div { position: absolute; box-sizing: border-box; pointer-events: none; ${BOX_STYLES[this.style]} }` +
      ' @media print { :host { display: none !important; } }';
    this.sentinel = document.createElement('span');
    this.sentinel.style.cssText =
      'position: absolute; width: 1px; height: 1px; visibility: hidden;';
    this.root.append(sheet, this.sentinel);
    this.host.style.cssText = layerStyle(0, 0);
    document.documentElement.append(this.host);
    const { signal } = this.watch;
    // Only the browser's own events: a page's script-made ones would buy it redraws.
    const schedule = (event: Event) => {
      if (event.isTrusted) this.schedule();
    };
    window.addEventListener('resize', schedule, { signal });
    // The drawn boxes scroll with the page; only marks coming into the band need drawing.
    window.addEventListener(
      'scroll',
      (event) => {
        const moved = Math.abs(window.scrollY - this.drawnAt);
        if (event.isTrusted && moved > (innerHeight * BAND_VIEWPORTS) / 2) this.schedule();
      },
      { passive: true, signal },
    );
    document.fonts?.addEventListener('loadingdone', schedule, { signal });
    // An inner scroller carries its text away from the boxes; the page's own scrolling does not.
    document.addEventListener(
      'scroll',
      (event) => {
        if (event.target !== document) schedule(event);
      },
      { capture: true, passive: true, signal },
    );
    for (const type of MOVED_EVENTS)
      document.addEventListener(type, schedule, { capture: true, passive: true, signal });
    this.resized.observe(document.documentElement);
    if (document.body) this.resized.observe(document.body);
  }

  /**
   * Draws the queued nodes' marks until the budget is spent; answers whether the queue is empty.
   * A pass over every mark starts by fitting the layer to the document and queueing every node.
   */
  private draw(started: number): boolean {
    const host = this.host!;
    if (!host.isConnected) return true;
    if (this.everything) {
      this.fit(host);
      for (const node of this.marked.nodes()) this.queue.add(node);
      for (const node of this.drawn.keys()) this.queue.add(node);
      this.drawnAt = window.scrollY;
      this.everything = false;
    }
    const origin = host.getBoundingClientRect();
    const band = { top: -innerHeight * BAND_VIEWPORTS, bottom: innerHeight * (1 + BAND_VIEWPORTS) };
    const clips = new Map<Element, Clip>();
    const range = document.createRange();
    // Every box is measured before any is placed: a write between two reads would have the
    // browser lay the layer out again for each node.
    const measured: Array<[Text, Box[]]> = [];
    for (const node of this.queue) {
      this.queue.delete(node);
      const boxes: Box[] = [];
      const spans = this.marked.spansOf(node);
      if (spans) this.measure(node, spans, band, clips, range, boxes);
      measured.push([node, boxes]);
      if (performance.now() - started > DRAW_BUDGET_MS) break;
    }
    for (const [node, boxes] of measured) this.place(node, boxes, origin);
    return this.queue.size === 0;
  }

  /**
   * Sizes the layer to the document exactly, clipping to it, so neither its size nor its
   * scrollable area tells the page where the marks are. It is measured at no size first, as the
   * document's size must not include it.
   */
  private fit(host: HTMLElement): void {
    host.style.cssText = layerStyle(0, 0);
    const page = document.documentElement;
    this.size = { width: page.scrollWidth, height: page.scrollHeight };
    host.style.cssText = layerStyle(this.size.width, this.size.height);
  }

  /** The viewport boxes of a node's marks within the band, clipped as the page clips them. */
  private measure(
    node: Text,
    spans: Spans,
    band: { top: number; bottom: number },
    clips: Map<Element, Clip>,
    range: Range,
    boxes: Box[],
  ): void {
    const parent = node.parentElement;
    if (!parent || !node.isConnected) return;
    range.selectNodeContents(node);
    const whole = range.getBoundingClientRect();
    if (whole.bottom < band.top || whole.top > band.bottom) return;
    const clip = clipOf(parent, clips);
    if (clip.hidden) return;
    for (let index = firstInBand(node, spans, band.top, range); index < spans.length; index++) {
      select(range, node, spans[index]!);
      const rects = range.getClientRects();
      if (rects.length > 0 && rects[0]!.top > band.bottom) break;
      for (const rect of rects) {
        const box = clip.box ? intersect(rect, clip.box) : rect;
        if (box) boxes.push(box);
      }
    }
  }

  /** Draws a node's boxes, reusing the elements it had, in the layer's own coordinates. */
  private place(node: Text, boxes: Box[], origin: DOMRect): void {
    const elements = this.drawn.get(node) ?? [];
    const { width, height } = this.size;
    let used = 0;
    for (const box of boxes) {
      const left = box.left - origin.left;
      const top = box.top - origin.top;
      const boxWidth = box.right - box.left;
      const boxHeight = box.bottom - box.top;
      if (boxWidth <= 0 || boxHeight <= 0 || left < 0 || top < 0) continue;
      if (left + boxWidth > width || top + boxHeight > height) continue;
      const element = elements[used] ?? this.root!.appendChild(document.createElement('div'));
      elements[used] = element;
      element.style.cssText = `left:${left}px;top:${top}px;width:${boxWidth}px;height:${boxHeight}px`;
      used += 1;
    }
    for (const spare of elements.splice(used)) spare.remove();
    if (elements.length > 0) this.drawn.set(node, elements);
    else this.drawn.delete(node);
  }
}

/** Sets `range` over one mark of `node`. */
function select(range: Range, node: Text, span: { start: number; end: number }): void {
  range.setStart(node, Math.min(span.start, node.length));
  range.setEnd(node, Math.min(span.end, node.length));
}

/**
 * The first of a node's marks that does not end above `top`. A node's text flows down the page,
 * so its marks' boxes are in order: a long list is bisected, a short one walked from its start.
 */
function firstInBand(node: Text, spans: Spans, top: number, range: Range): number {
  if (spans.length <= WALK_LIMIT) return 0;
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    select(range, node, spans[middle]!);
    if (range.getBoundingClientRect().bottom < top) low = middle + 1;
    else high = middle;
  }
  return low;
}

function layerStyle(width: number, height: number): string {
  return (
    'all: initial !important; position: absolute !important; left: 0 !important; ' +
    `top: 0 !important; width: ${width}px !important; height: ${height}px !important; ` +
    'overflow: clip !important; pointer-events: none !important; user-select: none !important; ' +
    'z-index: 2147483646 !important; contain: strict !important;'
  );
}

/** How an element's ancestors clip and hide what is inside it (remembered for one draw). */
function clipOf(element: Element, clips: Map<Element, Clip>): Clip {
  const known = clips.get(element);
  if (known) return known;
  const style = getComputedStyle(element);
  let clip: Clip;
  if (style.position === 'fixed' || style.position === 'sticky')
    clip = { hidden: true, box: undefined };
  else if (style.display === 'none' || style.opacity === '0')
    clip = { hidden: true, box: undefined };
  else {
    const above = element.parentElement ?? (element.parentNode as ShadowRoot | null)?.host;
    const outer = above && !isRoot(above) ? clipOf(above, clips) : undefined;
    let box: Box | null | undefined = outer?.box;
    // The root's and the body's overflow is the viewport's: it clips nothing of the document.
    if (!isRoot(element) && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) {
      const own = element.getBoundingClientRect();
      box = box ? intersect(own, box) : own;
    }
    clip = {
      hidden: (outer?.hidden ?? false) || style.visibility !== 'visible' || box === null,
      box: box ?? undefined,
    };
  }
  clips.set(element, clip);
  return clip;
}

function isRoot(element: Element): boolean {
  return element === document.documentElement || element === document.body;
}

/** The overlap of two boxes, or null when they do not meet. */
function intersect(a: Box, b: Box): Box | null {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return right > left && bottom > top ? { left, top, right, bottom } : null;
}
