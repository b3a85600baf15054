import { render } from 'preact';
import { EntityCard, type CardActions, type CardState } from '../../components/EntityCard';
import { placeCard } from '../../core/placement';
import cardCss from '../../assets/card.css?inline';

/** The custom element that holds the card; its shadow root keeps the page's CSS out. */
export const HOST_TAG = 'gloss-card';

/**
 * Where the card lives on the page: a host element created on first use, a shadow root, and the
 * card's position beside its mention. The view itself is `EntityCard`.
 */
export class CardHost {
  private host: HTMLElement | undefined;
  private frame: HTMLElement | undefined;

  /** Whether a node belongs to the card (events from inside a shadow root are retargeted to its host). */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.host;
  }

  get isShown(): boolean {
    return this.frame !== undefined && !this.frame.hidden;
  }

  show(anchor: Range, state: CardState, actions?: CardActions): void {
    const frame = this.ensureFrame();
    render(<EntityCard state={state} actions={actions} />, frame);
    frame.hidden = false;
    this.place(anchor);
  }

  /** Moves keyboard focus into the card, so Tab reaches its links and a screen reader reads it. */
  focus(): void {
    this.frame?.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  hide(): void {
    if (!this.frame) return;
    render(null, this.frame);
    this.frame.hidden = true;
  }

  private place(anchor: Range): void {
    const frame = this.frame!;
    // Anchor on the mention's first line box: a name broken across lines has several.
    const box = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
    const element = anchor.startContainer.parentElement;
    const direction = element && getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
    const { left, top } = placeCard(
      box,
      { width: frame.offsetWidth, height: frame.offsetHeight },
      { width: document.documentElement.clientWidth, height: window.innerHeight },
      direction,
    );
    // The host sits at the document's origin, so page coordinates keep the card with its text on scroll.
    frame.style.left = `${left + window.scrollX}px`;
    frame.style.top = `${top + window.scrollY}px`;
  }

  private ensureFrame(): HTMLElement {
    if (this.frame) return this.frame;
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const frame = document.createElement('div');
    frame.className = 'frame';
    shadow.append(style, frame);
    // Outside <body>, so the page's body styles and scripts that rewrite the body leave it alone.
    document.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    return frame;
  }
}
