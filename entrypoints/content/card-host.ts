import { browser } from 'wxt/browser';
import type { ResolvedName } from '../../core/entity';
import { placeCard } from '../../core/placement';
import {
  CARD_FRAME_MARGIN_PX,
  CARD_FRAME_PATH,
  CARD_PORT_HANDSHAKE,
  CARD_WIDTH_PX,
  isFromCardFrame,
  SHEET_BELOW_PX,
  SHEET_MAX_SHARE,
  type CardHandshake,
  type CardLayout,
  type FromCardFrame,
  type ToCardFrame,
} from '../../messaging/card-frame';
import { callBackground } from '../../messaging/background';

/** What the card frame tells the page's side, besides its size. */
export type CardFrameEvents = (message: Exclude<FromCardFrame, { kind: 'size' }>) => void;

/**
 * Where the card lives on the page: an element of no telling name, a closed shadow root, and in
 * it a frame of the extension's origin that draws the card. The page sees one anonymous element,
 * added on the first hover; it cannot read the card, search its text, or click in it, and the port
 * to the frame is Gloss's alone. This side only places the frame beside its mention, at the
 * card's size.
 */
export class CardHost {
  private host: HTMLElement | undefined;
  private frame: HTMLIFrameElement | undefined;
  private port: MessagePort | undefined;
  private anchor: Range | undefined;
  private token = 0;
  private layout: CardLayout = 'beside';

  constructor(private readonly events: CardFrameEvents) {}

  /** Whether an event target is the card (a frame's events reach the page as its host's). */
  contains(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /** Starts loading a card's data early; makes the frame ready on the first hover intent. */
  prefetch(entity: ResolvedName): void {
    this.send({ kind: 'prefetch', entity });
  }

  /** Shows the card for `entity`, beside `anchor`; `name` is the mention as the page writes it. */
  show(anchor: Range, entity: ResolvedName, name: string, token: number): void {
    this.anchor = anchor;
    this.token = token;
    const screen = document.documentElement.clientWidth;
    this.layout = screen < SHEET_BELOW_PX ? 'sheet' : 'beside';
    const width =
      this.layout === 'sheet'
        ? screen - 2 * CARD_FRAME_MARGIN_PX
        : Math.min(CARD_WIDTH_PX, screen - 16);
    this.send({
      kind: 'show',
      token,
      entity,
      name,
      site: location.hostname,
      pageUrl: location.href,
      width,
      layout: this.layout,
    });
  }

  /** Moves keyboard focus into the card, so Tab reaches its links and a screen reader reads it. */
  focus(): void {
    this.frame?.focus();
    this.send({ kind: 'focus' });
  }

  hide(): void {
    this.token = 0;
    this.anchor = undefined;
    // Focus left in a hidden frame would swallow the reader's keys: it goes back to the page.
    if (this.host && document.activeElement === this.host) {
      this.frame?.blur();
      // A frame whose document holds the focus may keep it through its element's blur.
      if (document.activeElement === this.host) this.host.blur();
    }
    if (this.frame) this.frame.style.visibility = 'hidden';
    if (this.port) this.send({ kind: 'hide' });
  }

  /** Takes the card off the page (Gloss turned off here, or unloaded). */
  remove(): void {
    this.port?.close();
    this.host?.remove();
    this.host = this.frame = this.port = this.anchor = undefined;
  }

  private send(message: ToCardFrame): void {
    this.ensureFrame();
    this.port!.postMessage(message);
  }

  private receive(message: FromCardFrame): void {
    if (message.kind !== 'size') return this.events(message);
    if (message.token !== this.token || !this.anchor || !this.frame) return;
    if (this.layout === 'sheet') this.placeSheet(message);
    else this.place(this.anchor, message);
    this.frame.style.visibility = 'visible';
  }

  /** Along the screen's bottom, as wide as the screen, at most `SHEET_MAX_SHARE` of its height. */
  private placeSheet(card: { width: number; height: number }): void {
    const frame = this.frame!;
    const height = Math.min(
      card.height + 2 * CARD_FRAME_MARGIN_PX,
      Math.round(window.innerHeight * SHEET_MAX_SHARE),
    );
    frame.style.position = 'fixed';
    frame.style.left = '0px';
    frame.style.top = `${window.innerHeight - height}px`;
    frame.style.width = `${card.width + 2 * CARD_FRAME_MARGIN_PX}px`;
    frame.style.height = `${height}px`;
  }

  private place(anchor: Range, card: { width: number; height: number }): void {
    const frame = this.frame!;
    frame.style.position = 'absolute';
    // Anchor on the mention's first line box: a name broken across lines has several.
    const box = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
    const element = anchor.startContainer.parentElement;
    const direction = element && getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
    const { left, top } = placeCard(
      box,
      card,
      { width: document.documentElement.clientWidth, height: window.innerHeight },
      direction,
    );
    // The host sits at the document's origin, so page coordinates keep the card with its text on
    // scroll; the frame's transparent margin (room for the card's shadow) lies around the card.
    frame.style.left = `${left + window.scrollX - CARD_FRAME_MARGIN_PX}px`;
    frame.style.top = `${top + window.scrollY - CARD_FRAME_MARGIN_PX}px`;
    frame.style.width = `${card.width + 2 * CARD_FRAME_MARGIN_PX}px`;
    frame.style.height = `${card.height + 2 * CARD_FRAME_MARGIN_PX}px`;
  }

  private ensureFrame(): void {
    // A page that took the host out (or moved it: a moved frame reloads, and its port is gone)
    // gets a new one.
    if (this.host?.isConnected && this.host.parentNode === document.documentElement) return;
    this.remove();
    const host = document.createElement('div');
    // Inline and !important: the page's own !important rules cannot hide, move or restyle it.
    host.style.cssText =
      'all: initial !important; position: absolute !important; top: 0 !important; ' +
      'left: 0 !important; width: 0 !important; height: 0 !important; ' +
      'display: block !important; z-index: 2147483647 !important;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    // The frame's colour scheme matches its page's, so the browser draws it transparent.
    style.textContent =
      'iframe { position: absolute; border: 0; margin: 0; padding: 0; background: transparent; ' +
      'color-scheme: light dark; visibility: hidden; width: 0; height: 0; }';
    const frame = document.createElement('iframe');
    frame.title = 'Gloss card';
    // A page isolated by Cross-Origin-Embedder-Policy blocks every frame that does not opt in,
    // as an extension's page cannot: a credentialless frame (Chrome) it admits. The card keeps
    // nothing in the frame's own storage, so the frame's fresh, empty storage loses nothing.
    (frame as HTMLIFrameElement & { credentialless?: boolean }).credentialless = true;
    frame.src = browser.runtime.getURL(CARD_FRAME_PATH);
    const origin = frameOrigin(frame.src);
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => {
      if (isFromCardFrame(data)) this.receive(data);
    };
    // Messages sent before the frame has loaded wait in the port until it takes them.
    // The port goes with a ticket from the background, the frame's proof that this script, not
    // the page, framed it.
    const ticket = callBackground('cardTicket');
    frame.addEventListener(
      'load',
      () =>
        void ticket.then((answer) => {
          if (!answer.ok) return;
          const handshake: CardHandshake = { kind: CARD_PORT_HANDSHAKE, ticket: answer.value };
          frame.contentWindow?.postMessage(handshake, origin, [channel.port2]);
        }),
      { once: true },
    );
    shadow.append(style, frame);
    // Outside <body>, so the page's body styles and scripts that rewrite the body leave it alone.
    document.documentElement.append(host);
    this.host = host;
    this.frame = frame;
    this.port = channel.port1;
  }
}

/**
 * The origin the card frame's document ends up with, the only one the port is handed to. Chrome
 * loads the session's address (`use_dynamic_url`) as the extension's own origin; Firefox keeps
 * the address's. Written out: URL parses an extension's scheme as having no origin ("null").
 */
function frameOrigin(src: string): string {
  if (src.startsWith('chrome-extension:')) return `chrome-extension://${browser.runtime.id}`;
  return src.slice(0, src.indexOf('/', src.indexOf('//') + 2));
}
