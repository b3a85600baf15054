import { render } from 'preact';
import { EntityCard, type CardActions } from '../../components/EntityCard';
import type { CardState } from '../../core/card';
import cardCss from '../../assets/card.css?inline';
import searchCss from '../../assets/search.css?inline';
import {
  CARD_FRAME_MARGIN_PX,
  isCardHandshake,
  isToCardFrame,
  type FromCardFrame,
  type ToCardFrame,
} from '../../messaging/card-frame';
import { createCardLoader } from '../../hooks/card-loader';
import { callBackground } from '../../messaging/background';
import { Correction } from './Correction';
import { readerSees } from './reader-sees';
import type { SearchResult } from '../../components/SearchBox';

/**
 * The hover card, in a frame of the extension's own origin that a page shows but cannot read,
 * search (`window.find`), script or click: only the reader's own input reaches it. The content
 * script hands over a private port once; the card's data comes from the background.
 */
const host = document.getElementById('card')!;
document.body.style.padding = `${CARD_FRAME_MARGIN_PX}px`;
// The card's styles are written for a shadow root (`:host`), as in the popup.
const shadow = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = `${searchCss}\n${cardCss}\n:host { position: static !important; display: block !important; }`;
const mount = document.createElement('div');
shadow.append(style, mount);

let port: MessagePort | undefined;
/** The showing on screen; 0 while hidden. */
let current = 0;
let wantsFocus = false;

const send = (message: FromCardFrame) => port?.postMessage(message);

/** Focuses the card, when there is one; answers whether there was. */
const focusCard = (): boolean => {
  const card = mount.querySelector<HTMLElement>('.card');
  card?.focus({ preventScroll: true });
  return card !== null;
};

/** The size last reported, so each size is sent once. */
let reported = '';
/** Tells the page's side the card's size, when it changed. */
function reportSize(): void {
  if (current === 0) return;
  const { width, height } = mount.getBoundingClientRect();
  const size = `${current} ${width} ${height}`;
  if (size === reported) return;
  reported = size;
  send({ kind: 'size', token: current, width, height });
}

/** Whether the card asked its page to hold it open while the reader types in it. */
let holding = false;
const hold = (on: boolean) => {
  if (holding === on) return;
  holding = on;
  send({ kind: 'hold', on });
};

const whenSeen = readerSees(mount);

/** The card's actions that change what Gloss keeps, taken only when the reader sees the card. */
function seenOnly(actions: CardActions): CardActions {
  const { onSubscribe, onChoose, onUnmark } = actions;
  return {
    ...actions,
    ...(onSubscribe && {
      onSubscribe: (on: boolean) =>
        void whenSeen(on ? 'follow new articles about this' : 'stop following this', () =>
          onSubscribe(on),
        ),
    }),
    ...(onChoose && {
      onChoose: (title: string) =>
        void whenSeen(`take this name to mean ${title} on this site`, () => onChoose(title)),
    }),
    ...(onUnmark && {
      onUnmark: (anywhere: boolean) =>
        void whenSeen(
          anywhere ? 'stop marking this name on every site' : 'stop marking this name here',
          () => onUnmark(anywhere),
        ),
    }),
  };
}

const loader = createCardLoader({
  draw(state: CardState, actions: CardActions) {
    hold(false);
    render(<EntityCard state={state} actions={seenOnly(actions)} />, mount);
    // Measured at once: a frame not yet shown is not laid out by itself (the browser throttles
    // hidden frames), and its first size is what shows it.
    reportSize();
    if (wantsFocus && focusCard()) wantsFocus = false;
  },
  page: {
    correct(name: string, onPick: (result: SearchResult) => void, onCancel: () => void) {
      // The search may be shorter than the card was: the pointer left behind must not close it.
      hold(true);
      const pick = (result: SearchResult) =>
        void whenSeen(`take this name to mean ${result.title} on this site`, () => onPick(result));
      render(<Correction name={name} onPick={pick} onCancel={onCancel} />, mount);
      reportSize();
    },
    onChosen: (name, entity) => send({ kind: 'chosen', name, entity }),
    onUnmarked: (name) => send({ kind: 'unmarked', name }),
    focus: focusCard,
  },
});

// Sizes the card takes on its own later (a picture loaded, a list opened) are reported too.
new ResizeObserver(reportSize).observe(mount);

function receive(message: ToCardFrame): void {
  if (message.kind === 'show') {
    current = message.token;
    mount.style.width = `${message.width}px`;
    // A sheet may be shorter than its card: then the card scrolls inside it.
    document.documentElement.style.overflow = message.layout === 'sheet' ? 'auto' : 'hidden';
    void loader.open(message.entity, message);
  } else if (message.kind === 'prefetch') loader.prefetch(message.entity);
  else if (message.kind === 'hide') {
    current = 0;
    wantsFocus = false;
    holding = false;
    loader.close();
    render(null, mount);
  } else {
    wantsFocus = !focusCard();
  }
}

// A page that goes away takes the frame with it, with no "hide": its card is no longer looked at.
addEventListener('pagehide', () => loader.close());

/**
 * A page may frame this card itself, or post to the frame Gloss made (its window is among the
 * page's frames): a port is taken only with a ticket the background says it gave Gloss's script
 * in this tab, once. Until one is, the frame answers no one; handshakes past a few are ignored.
 */
const MAX_HANDSHAKES = 20;
let handshakes = 0;
window.addEventListener('message', (event) => {
  if (port || event.source !== window.parent || !isCardHandshake(event.data)) return;
  const [given] = event.ports;
  if (!given || (handshakes += 1) > MAX_HANDSHAKES) return;
  void callBackground('redeemCardTicket', event.data.ticket).then((answer) => {
    if (port || !answer.ok || !answer.value) return given.close();
    port = given;
    port.onmessage = ({ data }) => {
      if (isToCardFrame(data)) receive(data);
    };
  });
});

// Over the card, the page no longer sees the pointer: the frame says where it is. A finger is no
// hovering pointer (it "leaves" whenever it lifts): a sheet stays until a tap elsewhere or a swipe.
document.documentElement.addEventListener('pointerenter', (event) => {
  if (event.pointerType !== 'touch') send({ kind: 'pointer', inside: true });
});
document.documentElement.addEventListener('pointerleave', (event) => {
  if (event.pointerType !== 'touch') send({ kind: 'pointer', inside: false });
});
// A swipe down on a sheet closes it, as on a phone; a swipe while the card is scrolled scrolls it.
const SWIPE_CLOSE_PX = 80;
let swipe: { x: number; y: number } | undefined;
window.addEventListener(
  'touchstart',
  (event) => {
    const touch = event.touches[0];
    swipe =
      event.touches.length === 1 && touch && document.documentElement.scrollTop === 0
        ? { x: touch.clientX, y: touch.clientY }
        : undefined;
  },
  { passive: true },
);
window.addEventListener(
  'touchend',
  (event) => {
    const touch = event.changedTouches[0];
    if (!swipe || !touch) return;
    const down = touch.clientY - swipe.y;
    if (down > SWIPE_CLOSE_PX && Math.abs(touch.clientX - swipe.x) < down / 2)
      send({ kind: 'close' });
    swipe = undefined;
  },
  { passive: true },
);
window.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape') send({ kind: 'close' });
  },
  { capture: true },
);
