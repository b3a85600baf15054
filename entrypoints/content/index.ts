import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ResolvedName } from '../../core/entity';
import { HoverIntent } from '../../core/hover-intent';
import { callBackground } from '../../messaging/background';
import { CardHost, HOST_TAG } from './card-host';
import { createCardLoader } from './card-loader';
import { HIGHLIGHT_NAME, Marks, WRAP_TAG, type Mention } from './marks';
import { PageScanner } from './page-scanner';
import '../../assets/marks.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The underline style ships in the manifest: the browser applies it, no <style> is added to the page.
  cssInjectionMode: 'manifest',
  main: (ctx) => start(ctx),
});

/** Gloss's own elements: never scanned, never marked. */
const OWN_TAGS = new Set([HOST_TAG.toUpperCase(), WRAP_TAG.toUpperCase()]);

/** Asks whether Gloss runs here, then marks the page's names and opens cards on hover intent. */
async function start(ctx: ContentScriptContext): Promise<void> {
  const site = location.hostname;
  const settings = await callBackground('pageSettings', site);
  if (!settings.ok || !settings.value.enabled || ctx.isInvalid || !document.body) return;

  const marks = new Marks();
  // Entities already noted for "In your reading" on this page: each is sent once.
  const noted = new Set<string>();
  const scanner = new PageScanner({
    marks,
    markMode: settings.value.markMode,
    ownTags: OWN_TAGS,
    resolve: async (names) => {
      const answer = await callBackground('resolveNames', names, site);
      return answer.ok ? answer.value : undefined;
    },
    isValid: () => ctx.isValid,
    onMarked: (entities) => {
      const keys = entities
        .filter((entity) => !entity.ambiguous && !noted.has(entity.key))
        .map((entity) => entity.key);
      for (const key of keys) noted.add(key);
      if (keys.length > 0)
        void callBackground('noteReading', { url: location.href, title: document.title }, keys);
    },
  });
  scanner.observe(document.body);
  // A single-page app's navigation brings new content: scan for it (seen text is skipped).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    noted.clear();
    void scanner.scan(document.body);
  });
  void scanner.scan(document.body);
  listenForHover(ctx, marks, (name, entity) => {
    marks.reassign(name, entity);
    scanner.learn(name, entity);
  });
  ctx.onInvalidated(() => {
    scanner.disconnect();
    marks.clear();
  });
}

/** Opens a card when the pointer rests on a mention; closes it on leaving or Esc. */
function listenForHover(
  ctx: ContentScriptContext,
  marks: Marks,
  onChosen: (name: string, entity: ResolvedName) => void,
): void {
  const card = new CardHost();
  const loader = createCardLoader({
    card,
    isCurrent: (token) => hover.token === token && hover.isOpen,
    onChosen,
    site: location.hostname,
    pageUrl: () => location.href,
  });

  const hover: HoverIntent<Mention> = new HoverIntent<Mention>(
    {
      prefetch: (mention) => loader.prefetch(mention),
      show: (mention, token) => void loader.show(mention, token),
      hide: () => card.hide(),
    },
    { set: (callback, ms) => ctx.setTimeout(callback, ms), clear: (id) => clearTimeout(id) },
  );

  // Hit-test at most once a frame: pointer events can fire far more often than the screen refreshes.
  let pointer: { x: number; y: number; target: EventTarget | null } | undefined;
  const track = () => {
    const at = pointer!;
    pointer = undefined;
    if (card.contains(at.target)) return hover.enterCard();
    const mention = marks.at(at.x, at.y);
    if (mention) hover.enter(mention);
    else hover.leave();
  };
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      if (!pointer) ctx.requestAnimationFrame(track);
      pointer = { x: event.clientX, y: event.clientY, target: event.target };
    },
    { passive: true },
  );
  ctx.addEventListener(document.documentElement, 'pointerleave', () => hover.leave());
  // The keyboard path: Alt+Shift+N and Alt+Shift+P step through the marked names in reading order,
  // opening each one's card with focus inside it; Esc closes the card and gives focus back.
  let stepped = -1;
  let returnFocus: Element | null = null;
  const step = (by: 1 | -1) => {
    const all = marks.inOrder();
    if (all.length === 0) return;
    stepped = (stepped + by + all.length) % all.length;
    const mention = all[stepped]!;
    if (!hover.isOpen) returnFocus = document.activeElement;
    mention.node.parentElement?.scrollIntoView({ block: 'center' });
    hover.open(mention);
    card.focus();
  };
  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (event.key === 'Escape' && hover.isOpen) {
        hover.close();
        if (returnFocus instanceof HTMLElement && returnFocus.isConnected)
          returnFocus.focus({ preventScroll: true });
        returnFocus = null;
      } else if (
        event.altKey &&
        event.shiftKey &&
        (event.code === 'KeyN' || event.code === 'KeyP')
      ) {
        event.preventDefault();
        step(event.code === 'KeyN' ? 1 : -1);
      }
    },
    { capture: true },
  );
  ctx.onInvalidated(() => {
    hover.close();
    CSS.highlights?.delete(HIGHLIGHT_NAME);
  });
}
