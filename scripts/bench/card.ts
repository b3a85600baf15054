// Hover intent → card painted: how long after the intent delay ends the card shows, from the
// cache and through a stand-in API 100 ms away. Measured in the page, black-box: from the last
// pointer move to the first animation frame in which the card's title is on screen.
import type { Frame, Page } from '@playwright/test';
import { SHOW_DELAY_MS } from '../../core/hover-intent';
import { startFixtureServer } from '../../tests/fixtures/server';
import { withFreshGloss } from '../browser';
import { cardFrame, cardShown, markedMentions, waitForMarks } from '../hover';
import { percentile } from './stats';

/** How far the stand-in API is, for the "network" figures. */
export const NETWORK_LATENCY_MS = 100;

export interface CardFigures {
  cached: { p50: number; p95: number; samples: number };
  network: { p50: number; p95: number; samples: number };
}

/** When, in ms since the epoch, `check` first holds in an animation frame of the page or frame it runs in. */
function firstFrameWhen(check: () => boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const tick = (now: number) => {
      if (check()) resolve(performance.timeOrigin + now);
      else if (now - started > 10_000) reject(new Error('no card within 10 s'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * When the card in `frame` is painted: the first animation frame in which the page shows the
 * frame and the frame shows a card with its title. Times are taken on the epoch's clock, as the
 * page and the frame each count from their own start.
 */
async function paintedIn(page: Page, frame: Frame): Promise<number> {
  const iframe = await frame.frameElement();
  const shown = page.evaluate(
    ([element, waitFor]) =>
      (new Function(`return (${waitFor})`)() as typeof firstFrameWhen)(
        () => getComputedStyle(element as Element).visibility === 'visible',
      ),
    [iframe, firstFrameWhen.toString()] as const,
  );
  const titled = frame.evaluate(
    (waitFor) =>
      (new Function(`return (${waitFor})`)() as typeof firstFrameWhen)(
        () =>
          !!document
            .getElementById('card')
            ?.shadowRoot?.querySelector('.card:not([aria-busy]) .title')?.textContent,
      ),
    firstFrameWhen.toString(),
  );
  return Math.max(await shown, await titled);
}

/**
 * One sample: rests the pointer on the mention at (x, y); ms from intent's end to the card
 * painted. The card is drawn in a frame of Gloss's own, made on a page's first hover.
 */
export async function timeCard(page: Page, x: number, y: number): Promise<number> {
  await page.mouse.move(2, 2);
  for (let waited = 0; (await cardShown(page)) && waited < 5000; waited += 20)
    await page.waitForTimeout(20);
  const existing = page.frames().find((frame) => frame.url().endsWith('/card.html'));
  const painted = existing ? paintedIn(page, existing) : undefined;
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 3 });
  const at = await (painted ?? cardFrame(page).then((frame: Frame) => paintedIn(page, frame)));
  const lastMove = await page.evaluate(
    () => performance.timeOrigin + (window as unknown as { lastMove: number }).lastMove,
  );
  return at - lastMove - SHOW_DELAY_MS;
}

/** Keeps the time of the page's last pointer move, which `timeCard` measures from. */
export function trackLastMove(page: Page): Promise<void> {
  return page.evaluate(() => {
    const state = window as unknown as { lastMove: number };
    state.lastMove = 0;
    addEventListener('pointermove', (event) => (state.lastMove = event.timeStamp), {
      capture: true,
      passive: true,
    });
  });
}

/** Every distinct marked name on the page, with where to point at it. */
export async function distinctMentions(
  page: Page,
): Promise<Array<{ text: string; x: number; y: number }>> {
  const all = (await markedMentions(page)) as Array<{ text: string; x: number; y: number }>;
  const seen = new Set<string>();
  return all.filter(
    (mention) => !seen.has(mention.text) && seen.add(mention.text) && mention.y < 760,
  );
}

/**
 * `rounds` fresh profiles: in each, every distinct name on the demo article is hovered once with
 * nothing cached (through the slow stand-in), then again after a reload (from the cache).
 */
export async function measureCard(extensionDir: string, rounds = 3): Promise<CardFigures> {
  const server = await startFixtureServer({ latencyMs: NETWORK_LATENCY_MS });
  const cached: number[] = [];
  const network: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      await withFreshGloss(
        { extensionDir, wikipediaOrigin: server.origin },
        async ({ context }) => {
          const page = await context.newPage();
          await page.setViewportSize({ width: 1100, height: 800 });
          const open = async () => {
            await page.goto(`${server.origin}/pages/myanmar-junta.html`);
            await trackLastMove(page);
            await waitForMarks(page);
            await page.waitForTimeout(1000);
            return distinctMentions(page);
          };
          for (const { x, y } of await open()) network.push(await timeCard(page, x, y));
          for (const { x, y } of await open()) cached.push(await timeCard(page, x, y));
        },
      );
    }
  } finally {
    await server.close();
  }
  const figures = (values: number[]) => ({
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    samples: values.length,
  });
  return { cached: figures(cached), network: figures(network) };
}
