import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeError, type SourceError } from '../../core/errors';
import type { Result } from '../../core/result';
import type { CardState } from '../../components/EntityCard';
import { HoverIntent } from '../../core/hover-intent';
import { memoByKey } from '../../core/memo';
import { callBackground } from '../../messaging/background';
import { CardHost, HOST_TAG } from './card-host';
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
  const settings = await callBackground('pageSettings', location.hostname);
  if (!settings.ok || !settings.value.enabled || ctx.isInvalid || !document.body) return;

  const marks = new Marks();
  const scanner = new PageScanner({
    marks,
    markMode: settings.value.markMode,
    ownTags: OWN_TAGS,
    resolve: async (names) => {
      const answer = await callBackground('resolveNames', names);
      return answer.ok ? answer.value : undefined;
    },
    isValid: () => ctx.isValid,
  });
  scanner.observe(document.body);
  // A single-page app's navigation brings new content: scan for it (seen text is skipped).
  ctx.addEventListener(window, 'wxt:locationchange', () => void scanner.scan(document.body));
  void scanner.scan(document.body);
  listenForHover(ctx, marks);
  ctx.onInvalidated(() => {
    scanner.disconnect();
    marks.clear();
  });
}

/** Why a card has no latest articles, in the reader's words. */
function relatedProblem(answer: Result<Result<unknown, SourceError>>): string {
  if (!answer.ok) return 'Latest articles could not be loaded.';
  if (answer.value.ok) return '';
  return answer.value.error.kind === 'rate-limited'
    ? 'The news source is busy; latest articles will show on a later look.'
    : answer.value.error.kind === 'offline'
      ? 'Latest articles need a connection.'
      : 'Latest articles could not be loaded.';
}

/** Opens a card when the pointer rests on a mention; closes it on leaving or Esc. */
function listenForHover(ctx: ContentScriptContext, marks: Marks): void {
  const card = new CardHost();
  // Each card's parts are asked for once per page; facts and articles that failed are asked again.
  const succeeded = (answer: Result<Result<unknown, SourceError>>) => answer.ok && answer.value.ok;
  const loadCard = memoByKey(
    (key: string) => callBackground('getCard', key),
    (key) => key,
  );
  const dataFor = (mention: Mention, fresh = false) => loadCard(fresh, mention.entity.key);
  const loadFacts = memoByKey(
    (wikidataId: string) => callBackground('getFacts', wikidataId),
    (wikidataId) => wikidataId,
    succeeded,
  );
  const factsFor = (wikidataId: string) => loadFacts(false, wikidataId);
  const loadRelated = memoByKey(
    (key: string, title: string) => callBackground('getRelated', key, title),
    (key) => key,
    succeeded,
  );
  const relatedFor = (key: string, title: string) => loadRelated(false, key, title);

  const showCard = async (mention: Mention, token: number, fresh = false): Promise<void> => {
    const name = mention.entity.title;
    card.show(mention.range, { status: 'loading', name });
    const answer = await dataFor(mention, fresh);
    // A later hover has taken over: this answer is stale.
    if (hover.token !== token || !hover.isOpen) return;
    const retry = () => void showCard(mention, token, true);
    if (!answer.ok) {
      const message = 'Gloss is not responding. Reload the page to try again.';
      card.show(mention.range, { status: 'error', name, message }, retry);
    } else if (!answer.value.ok) {
      card.show(
        mention.range,
        { status: 'error', name, message: describeError(answer.value.error) },
        retry,
      );
    } else {
      // The summary shows at once; facts and articles fill in as they arrive, in either order.
      const summary = answer.value.value;
      const state: Extract<CardState, { status: 'ready' }> = {
        status: 'ready',
        summary,
        related: { status: 'loading' },
        ...(summary.wikidataId ? { facts: { status: 'loading' } } : {}),
      };
      const render = () => {
        if (hover.token === token && hover.isOpen) card.show(mention.range, { ...state });
      };
      render();
      const facts = summary.wikidataId
        ? factsFor(summary.wikidataId).then((answer) => {
            // Facts are extra: when they cannot be had the card keeps what it shows.
            const found = answer.ok && answer.value.ok ? answer.value.value.facts : undefined;
            state.facts = found ? { status: 'ready', facts: found } : { status: 'unavailable' };
            render();
          })
        : Promise.resolve();
      const related = relatedFor(mention.entity.key, summary.title).then((answer) => {
        state.related =
          answer.ok && answer.value.ok
            ? { status: 'ready', articles: answer.value.value }
            : { status: 'unavailable', message: relatedProblem(answer) };
        render();
      });
      await Promise.all([facts, related]);
    }
  };

  const hover: HoverIntent<Mention> = new HoverIntent<Mention>(
    {
      prefetch: (mention) => void dataFor(mention),
      show: (mention, token) => void showCard(mention, token),
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
