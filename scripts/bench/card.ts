// Hover intent → card painted: how long after the intent delay ends the card shows, from the
// cache and through a stand-in API 100 ms away. Measured in the page, black-box: from the last
// pointer move to the first animation frame in which the card's title is on screen.
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOW_DELAY_MS } from '../../core/hover-intent';
// @ts-expect-error: plain JavaScript shared with the demo and the end-to-end tests.
import { startFixtureServer } from '../../tests/fixtures/server.mjs';
// @ts-expect-error: plain JavaScript shared with the demo and the end-to-end tests.
import { launchWithGloss } from '../browser.mjs';
// @ts-expect-error: plain JavaScript shared with the demo and the end-to-end tests.
import { markedMentions, waitForMarks } from '../hover.mjs';
import { percentile } from './stats';

/** How far the stand-in API is, for the "network" figures. */
export const NETWORK_LATENCY_MS = 100;

export interface CardFigures {
  cached: { p50: number; p95: number; samples: number };
  network: { p50: number; p95: number; samples: number };
}

/** One sample: rests the pointer on the mention at (x, y); ms from intent's end to the card painted. */
async function timeCard(page: Page, x: number, y: number): Promise<number> {
  await page.mouse.move(2, 2);
  await page
    .locator('gloss-card .card')
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => {});
  const painted = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const tick = (now: number) => {
          const title = document
            .querySelector('gloss-card')
            ?.shadowRoot?.querySelector('.card:not([aria-busy]) .title');
          if (title?.textContent)
            resolve(now - (window as unknown as { lastMove: number }).lastMove);
          else if (now - started > 10_000) reject(new Error('no card within 10 s'));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 3 });
  return (await painted) - SHOW_DELAY_MS;
}

/** Every distinct marked name on the page, with where to point at it. */
async function distinctMentions(
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
      const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
      const { context } = await launchWithGloss({
        extensionDir,
        userDataDir,
        headless: true,
        wikipediaOrigin: server.origin,
        colorScheme: 'light',
      });
      try {
        const page = await context.newPage();
        await page.setViewportSize({ width: 1100, height: 800 });
        const open = async () => {
          await page.goto(`${server.origin}/pages/myanmar-junta.html`);
          await page.evaluate(() => {
            const state = window as unknown as { lastMove: number };
            state.lastMove = 0;
            addEventListener('pointermove', (event) => (state.lastMove = event.timeStamp), {
              capture: true,
              passive: true,
            });
          });
          await waitForMarks(page);
          await page.waitForTimeout(1000);
          return distinctMentions(page);
        };
        for (const { x, y } of await open()) network.push(await timeCard(page, x, y));
        for (const { x, y } of await open()) cached.push(await timeCard(page, x, y));
      } finally {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
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
