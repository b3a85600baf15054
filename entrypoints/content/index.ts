import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { describeError } from '../../core/errors';
import { HoverIntent } from '../../core/hover-intent';
import { uniqueSurfaces } from '../../core/spotter';
import { callBackground } from '../../messaging/background';
import { CardHost, HOST_TAG } from './card-host';
import { markMentions, type Mention } from './marks';
import { scanText } from './scan';
import '../../assets/marks.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The underline style ships in the manifest: the browser applies it, no <style> is added to the page.
  cssInjectionMode: 'manifest',
  main: (ctx) => start(ctx),
});

/** Scan the page, mark what resolves, and open cards on hover intent. */
async function start(ctx: ContentScriptContext): Promise<void> {
  const found = scanText(document.body, (element) => element.tagName === HOST_TAG.toUpperCase());
  const names = uniqueSurfaces(found.flatMap((entry) => entry.spans));
  if (names.length === 0) return;

  // Only the distinct candidate names leave the page, never its text.
  const answer = await callBackground('resolveNames', names);
  if (!answer.ok || ctx.isInvalid) return;
  const mentions = markMentions(found, answer.value);
  if (mentions.all.length === 0) return;

  const card = new CardHost();
  const cardData = new Map<string, ReturnType<typeof loadCard>>();
  const loadCard = (key: string) => callBackground('getCard', key);
  const dataFor = (mention: Mention, fresh = false) => {
    let pending = cardData.get(mention.entity.key);
    if (!pending || fresh) {
      pending = loadCard(mention.entity.key);
      cardData.set(mention.entity.key, pending);
    }
    return pending;
  };

  const showCard = async (mention: Mention, token: number, fresh = false): Promise<void> => {
    const name = mention.entity.title;
    card.show(mention.range, { status: 'loading', name });
    const answer = await dataFor(mention, fresh);
    // A later hover has taken over: this answer is stale.
    if (hover.token !== token || !hover.isOpen) return;
    const retry = () => void showCard(mention, token, true);
    if (!answer.ok) {
      card.show(
        mention.range,
        {
          status: 'error',
          name,
          message: 'Gloss is not responding. Reload the page to try again.',
        },
        retry,
      );
    } else if (!answer.value.ok) {
      card.show(
        mention.range,
        { status: 'error', name, message: describeError(answer.value.error) },
        retry,
      );
    } else {
      card.show(mention.range, { status: 'ready', summary: answer.value.value });
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
    const mention = mentions.at(at.x, at.y);
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
  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (event.key === 'Escape' && hover.isOpen) hover.close();
    },
    { capture: true },
  );
  ctx.onInvalidated(() => {
    hover.close();
    CSS.highlights?.delete('gloss-mention');
  });
}
