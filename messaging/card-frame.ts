/**
 * The private channel between a page's content script and its card frame (an extension page in
 * an iframe inside a closed shadow root): a MessagePort handed over once, which the page can
 * neither reach nor overhear. The card's data itself comes from the background, asked by the frame.
 */
import type { ResolvedName } from '../core/entity';

/** The iframe's page, among the extension's web-accessible resources. */
export const CARD_FRAME_PATH = '/card.html';
/** Transparent room around the card inside the frame, for its shadow. */
export const CARD_FRAME_MARGIN_PX = 12;
/** The card's width (narrower on a narrow screen). */
export const CARD_WIDTH_PX = 320;
/** Below this viewport width the card is a sheet along the bottom of the screen, as on a phone. */
export const SHEET_BELOW_PX = 600;
/** A sheet takes at most this share of the screen's height; the card scrolls inside it. */
export const SHEET_MAX_SHARE = 0.6;

/** Where the card shows: beside its mention, or as a sheet along the screen's bottom. */
export type CardLayout = 'beside' | 'sheet';

/** From the content script to its card frame. */
export type ToCardFrame =
  /** Show the card for a mention; `token` tells this showing from later ones. */
  | {
      kind: 'show';
      token: number;
      entity: ResolvedName;
      /** The mention as the page writes it ("Karen"), for "Don't mark". */
      name: string;
      /** The page's host (meanings chosen are kept per site) and address ("In your reading"). */
      site: string;
      pageUrl: string;
      /** The card's width on this screen, and where it shows. */
      width: number;
      layout: CardLayout;
    }
  /** The reader rests on a mention: a good moment to start loading its card. */
  | { kind: 'prefetch'; entity: ResolvedName }
  | { kind: 'hide' }
  /** Focus the card (opened from the keyboard), now or as soon as it shows. */
  | { kind: 'focus' };

/** From the card frame to its content script. */
export type FromCardFrame =
  /** The card for `token` now measures this much (the frame is sized and placed to match). */
  | { kind: 'size'; token: number; width: number; height: number }
  /** The pointer came into the card or left it. */
  | { kind: 'pointer'; inside: boolean }
  /** Esc in the card, or a swipe down on its sheet. */
  | { kind: 'close' }
  /** The reader said what a name means here (a meaning of an ambiguous one, or "Not this?"). */
  | { kind: 'chosen'; name: string; entity: ResolvedName }
  /** The reader asked for `name` not to be marked: its marks go, and the card closes. */
  | { kind: 'unmarked'; name: string }
  /** The reader is typing in the card (`on`), or done: meanwhile the pointer does not close it. */
  | { kind: 'hold'; on: boolean };

/**
 * The message that hands the port over, posted once to the frame's window, with the one-time
 * ticket the background gave the content script (a page that frames the card itself has none).
 */
export const CARD_PORT_HANDSHAKE = 'card-port';
export interface CardHandshake {
  kind: typeof CARD_PORT_HANDSHAKE;
  ticket: string;
}

export const isCardHandshake = (data: unknown): data is CardHandshake =>
  typeof data === 'object' &&
  data !== null &&
  (data as CardHandshake).kind === CARD_PORT_HANDSHAKE &&
  typeof (data as CardHandshake).ticket === 'string';

const FROM_FRAME_KINDS = new Set(['size', 'pointer', 'close', 'chosen', 'unmarked', 'hold']);
const TO_FRAME_KINDS = new Set(['show', 'prefetch', 'hide', 'focus']);

const hasKind = (value: unknown, kinds: ReadonlySet<string>): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { kind?: unknown }).kind === 'string' &&
  kinds.has((value as { kind: string }).kind);

/** Whether a message on the port is one the frame sends. */
export const isFromCardFrame = (value: unknown): value is FromCardFrame =>
  hasKind(value, FROM_FRAME_KINDS);

/** Whether a message on the port is one the content script sends. */
export const isToCardFrame = (value: unknown): value is ToCardFrame =>
  hasKind(value, TO_FRAME_KINDS);
