import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HoverIntent } from '../../core/hover-intent';
import { callBackground } from '../../messaging/background';
import type { PageRequest, PageSettings, PageSite } from '../../messaging/protocol';
import { CardHost } from './card-host';
import { liveRange, Marks, type Mention } from './marks';
import { listMarksInOwnWorld } from './marks-in-own-world';
import { pageLanguage } from './page-language';
import { PageScanner } from './page-scanner';
import { mark } from './timeline';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // At the start, to ask the background about this site while the page is still parsing; the
  // page is read right after DOMContentLoaded. (Scripts run at document_end came 10–110 ms after
  // it here: the browser injects them once the page's own queued work is done.)
  runAt: 'document_start',
  // Frames too: an article may sit in a frame from its own site (or one its script wrote, with no
  // address of its own). Only frames of the page's origin are read (`sameOriginAllTheWayUp`).
  allFrames: true,
  matchAboutBlank: true,
  // Without this, every page would receive a window message naming Gloss's extension id (the page
  // learns Gloss is installed), and posting it cost 6–12 ms per page.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    // Another site's frame (an advert, a video player, a social embed) is not the reader's page.
    if (!sameOriginAllTheWayUp()) return;
    let running: Running | undefined;
    const run = async () => {
      running ??= await start(ctx);
    };
    // The popup's switch for this site: it asks which site this is (the popup needs no right to
    // read tab addresses), then Gloss goes away or comes back on that site, without a reload.
    // Only Gloss's own pages may send here; only the top frame answers, so the popup hears of
    // the tab's own site.
    // Answered through sendResponse, at once: the browser's own API takes no returned promise.
    const ownPages = browser.runtime.getURL('/');
    browser.runtime.onMessage.addListener(
      (
        message: unknown,
        sender: { id?: string; url?: string },
        sendResponse: (answer: PageSite) => void,
      ) => {
        if (sender.id !== browser.runtime.id || !sender.url?.startsWith(ownPages)) return;
        if (!isPageRequest(message)) return;
        if ('ask' in message) {
          if (window === window.top)
            sendResponse({ host: location.hostname, on: running !== undefined });
        } else if ('step' in message) {
          if (window === window.top) running?.step(message.step);
        } else if (message.host !== location.hostname) return;
        else if (message.enabled) void run();
        else {
          running?.stop();
          running = undefined;
        }
      },
    );
    // A frame with no text yet (an advert's slot, a widget's shell: a news page holds dozens)
    // costs the page nothing, and asks the background nothing, until text arrives in it.
    if (window === window.top) void run();
    else
      void textArrives(ctx.signal).then((arrived) => {
        if (arrived) void run();
      });
  },
});

/** Gloss at work in a document: how to step through its names, and how to take it all away. */
interface Running {
  step(by: 1 | -1): void;
  stop(): void;
}

/**
 * Asks whether Gloss runs here, then marks the page's names and opens cards on hover intent.
 * Answers how to step and stop (or undefined when Gloss is off here).
 */
async function start(ctx: ContentScriptContext): Promise<Running | undefined> {
  const session = new AbortController();
  const signal = AbortSignal.any([ctx.signal, session.signal]);
  mark('message');
  const asked = callBackground('pageSettings').then((reply) =>
    reply.ok && reply.value.enabled && !ctx.isInvalid ? reply.value : undefined,
  );
  await pageParsed();
  if (!document.body || signal.aborted) {
    session.abort();
    return undefined;
  }
  const marking = asked.then(
    (settings) => settings && { marks: new Marks(settings.markStyle), markMode: settings.markMode },
  );
  const languageOf = pageLanguage();
  const scanner = new PageScanner({
    marking,
    find: async (texts, acronyms) => {
      const lang = await languageOf(texts);
      const answer = await callBackground('findMentions', {
        title: document.title,
        texts,
        acronyms,
        // Read in the page's own language: its function words open sentences, not names.
        ...(lang ? { lang } : {}),
      });
      return answer.ok ? answer.value : undefined;
    },
    findLater: async (ticket) => {
      const answer = await callBackground('laterMentions', ticket);
      return answer.ok ? answer.value : undefined;
    },
    isValid: () => !signal.aborted,
  });
  // Text is gathered while the background answers: it needs no settings, and sends nothing.
  scanner.observe(document.body);
  void scanner.scan(document.body);
  const settings = await asked;
  const marks = (await marking)?.marks;
  if (!settings || !marks) {
    session.abort();
    scanner.disconnect();
    return undefined;
  }
  // A single-page app's navigation brings new content: scan for it (seen text is skipped).
  window.addEventListener('wxt:locationchange', () => void scanner.scan(document.body), { signal });
  listMarksInOwnWorld(marks);
  const hover = listenForHover(ctx, signal, marks, settings);
  const stop = () => {
    hover.close();
    session.abort();
    scanner.disconnect();
    marks.clear();
  };
  ctx.onInvalidated(stop);
  return { step: hover.step, stop };
}

/**
 * Resolves once the page is parsed, in a task of its own after DOMContentLoaded: the page's own
 * handlers of that event run first, and its end is not held up by Gloss's reading. The task is
 * asked for ahead of the page's other queued work where the browser can (a timer waited 10–80 ms
 * behind it here): reading starts at once, and yields to the page between slices.
 */
function pageParsed(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  return new Promise((resolve) => {
    const soon = () =>
      scheduler?.postTask
        ? void scheduler.postTask(resolve, { priority: 'user-blocking' })
        : setTimeout(resolve, 0);
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', soon, { once: true });
    else soon();
  });
}

type PostTask = (task: () => void, options: { priority: 'user-blocking' }) => Promise<void>;

/** How far a finger may move between down and up for the touch to count as a tap. */
const TAP_SLOP_PX = 10;

/**
 * Opens a card when the pointer rests on a mention; closes it on leaving or Esc. Only the reader's
 * own input counts: events a page script makes (`isTrusted` false) open and steer nothing.
 * Answers how to step through the names from the keyboard, and how to take the card away.
 *
 * Long because every way a card opens and closes (pointer, touch, keyboard, the card's own port)
 * drives the one hover machine here, and splitting it would pass that machine around.
 */
function listenForHover(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  marks: Marks,
  settings: PageSettings,
): { step: (by: 1 | -1) => void; close: () => void } {
  // The keyboard path: the "next-name" and "previous-name" commands (Alt+Shift+J and Alt+Shift+K
  // unless the reader rebinds them) step through the marked names in reading order, opening each
  // one's card with focus inside it; Esc closes the card and gives focus back.
  let stepped = -1;
  let returnFocus: Element | null = null;
  const step = (by: 1 | -1) => {
    const all = marks.inOrder();
    if (all.length === 0) return;
    stepped = (stepped + by + all.length) % all.length;
    const mention = all[stepped]!;
    // Focus in a card that closed meanwhile (the pointer left it) is not where the reader was.
    if (!hover.isOpen && !card.contains(document.activeElement))
      returnFocus = document.activeElement;
    mention.node.parentElement?.scrollIntoView({ block: 'center' });
    hover.open(mention);
    card.focus();
  };
  const closeFromKeyboard = () => {
    hover.close();
    if (returnFocus instanceof HTMLElement && returnFocus.isConnected)
      returnFocus.focus({ preventScroll: true });
    returnFocus = null;
  };

  const card = new CardHost((message) => {
    if (message.kind === 'pointer') {
      if (message.inside) hover.enterCard();
      else hover.leave();
    } else if (message.kind === 'close') closeFromKeyboard();
    else if (message.kind === 'hold') {
      if (message.on) hover.hold();
      else hover.release();
    } else if (message.kind === 'unmarked') {
      // Later batches leave it out too: the background keeps the reader's word for the site.
      marks.removeName(message.name);
      closeFromKeyboard();
    }
    // Later batches learn the choice from the background, which keeps it for the site.
    else marks.reassign(message.name, message.entity);
  });

  const hover: HoverIntent<Mention> = new HoverIntent<Mention>(
    {
      prefetch: (mention) => card.prefetch(mention.entity),
      show: (mention, token) =>
        card.show(liveRange(mention), mention.entity, mention.surface, token),
      hide: () => card.hide(),
    },
    { set: (callback, ms) => ctx.setTimeout(callback, ms), clear: (id) => clearTimeout(id) },
    Object.is,
    settings.hoverDelayMs,
  );

  // Hit-test at most once a frame: pointer events can fire far more often than the screen refreshes.
  let pointer: { x: number; y: number; target: EventTarget | null } | undefined;
  const track = () => {
    const at = pointer!;
    pointer = undefined;
    if (signal.aborted) return;
    if (card.contains(at.target)) return hover.enterCard();
    const mention = marks.at(at.x, at.y);
    if (mention) hover.enter(mention);
    else hover.leave();
  };
  document.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      if (!pointer) ctx.requestAnimationFrame(track);
      pointer = { x: event.clientX, y: event.clientY, target: event.target };
    },
    { passive: true, signal },
  );
  // Touch: a tap on a marked name opens its card at once (there is no hover to wait on); a tap
  // elsewhere closes it. A touch that moved or scrolled the page is no tap, and a name inside a
  // link is left to the link.
  let touch: { x: number; y: number; scrolled: boolean } | undefined;
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted && event.pointerType === 'touch')
        touch = { x: event.clientX, y: event.clientY, scrolled: false };
    },
    { passive: true, capture: true, signal },
  );
  document.addEventListener('pointercancel', () => (touch = undefined), { capture: true, signal });
  // A card held open (the reader was typing in it) closes on a click elsewhere on the page.
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (
        event.isTrusted &&
        event.pointerType !== 'touch' &&
        hover.isHeld &&
        !card.contains(event.target)
      )
        hover.close();
    },
    { passive: true, capture: true, signal },
  );
  window.addEventListener('scroll', () => touch && (touch.scrolled = true), {
    passive: true,
    capture: true,
    signal,
  });
  document.addEventListener(
    'pointerup',
    (event) => {
      const start = touch;
      touch = undefined;
      if (!event.isTrusted || event.pointerType !== 'touch' || !start || start.scrolled) return;
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > TAP_SLOP_PX) return;
      if (card.contains(event.target)) return;
      const mention = marks.at(event.clientX, event.clientY);
      if (mention && !mention.node.parentElement?.closest('a')) hover.open(mention);
      else if (hover.isOpen) hover.close();
    },
    { passive: true, capture: true, signal },
  );
  document.documentElement.addEventListener(
    'pointerleave',
    // A finger lifted "leaves" too: a card a tap opened stays until a tap elsewhere.
    (event) => event.isTrusted && event.pointerType !== 'touch' && hover.leave(),
    { signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && hover.isOpen) closeFromKeyboard();
    },
    { capture: true, signal },
  );
  return {
    step,
    close: () => {
      hover.close();
      card.remove();
    },
  };
}

/**
 * Whether this is the top frame, or a frame whose every ancestor has its origin (a cross-origin
 * parent's `origin` throws). The document's origin, not its address's: a frame a script wrote
 * (about:srcdoc) has its parent's.
 */
function sameOriginAllTheWayUp(): boolean {
  try {
    for (let frame: Window = window; frame !== window.top; frame = frame.parent)
      if (frame.parent.origin !== window.origin) return false;
    return true;
  } catch {
    return false;
  }
}

/** Resolves true once the frame's document holds text to read (false if Gloss is unloaded first). */
function textArrives(signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    // Only what each change brought is looked at, so a frame that keeps adding empty nodes
    // costs in proportion to what it adds, not to all it holds.
    const watch = new MutationObserver((records) => {
      const inBody = (node: Node) => document.body?.contains(node) === true && holdsText(node);
      const brought = records.some((record) =>
        record.type === 'characterData'
          ? inBody(record.target)
          : [...record.addedNodes].some(inBody),
      );
      if (brought) done(true);
    });
    const done = (arrived: boolean) => {
      watch.disconnect();
      signal.removeEventListener('abort', abort);
      resolve(arrived);
    };
    const abort = () => done(false);
    signal.addEventListener('abort', abort);
    const check = () => {
      if (document.body && holdsText(document.body)) done(true);
      else watch.observe(document, { childList: true, subtree: true, characterData: true });
    };
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', check, { once: true });
    else check();
  });
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether `root` is or holds text a reader could read (code and styles are not). */
function holdsText(root: Node): boolean {
  const readable = (node: Node) =>
    !NOT_TEXT.has(node.parentElement?.tagName ?? '') && /\S/.test((node as Text).data);
  if (root.nodeType === Node.TEXT_NODE) return readable(root);
  if (root.nodeType !== Node.ELEMENT_NODE || NOT_TEXT.has((root as Element).tagName)) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (readable(node)) return true;
  return false;
}

/** Whether a runtime message is the popup's, to this page (`PageRequest`). */
function isPageRequest(message: unknown): message is PageRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { to, ask, enabled, host, step } = message as Record<string, unknown>;
  return (
    to === 'page' &&
    (ask === 'site' ||
      step === 1 ||
      step === -1 ||
      (typeof enabled === 'boolean' && typeof host === 'string'))
  );
}
