// Gloss on a phone: touch input on a narrow screen (Chromium's touch emulation).
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import * as hover from '../../scripts/hover';

const { cardFrame, cardIn, cardShown, markedMentions, waitForCardSettled, waitForMarks } = hover;
const ARTICLE = '/pages/myanmar-junta.html';

/** Where the marked name `text` is on screen. */
async function mark(page: Page, text: string): Promise<{ x: number; y: number }> {
  await waitForMarks(page);
  await expect
    .poll(async () => ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text))
    .toContain(text);
  const all = (await markedMentions(page)) as Array<{ text: string; x: number; y: number }>;
  return all.find((candidate) => candidate.text === text)!;
}

/** A finger put down at `from`, moved to `to` a few pixels at a time, and lifted. */
async function drag(
  cdp: CDPSession,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  const steps = Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) / 5);
  const at = (step: number) => [
    {
      x: from.x + ((to.x - from.x) * step) / steps,
      y: from.y + ((to.y - from.y) * step) / steps,
    },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let step = 1; step <= steps; step += 1)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('a tap on a name opens its card as a sheet along the bottom; a tap elsewhere closes it', async ({
  launch,
  server,
}) => {
  const { context } = await launch({ phone: true });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  const asean = await mark(page, 'ASEAN');
  await page.touchscreen.tap(asean.x, asean.y);
  await cardFrame(page);
  const card: Locator = cardIn(page);
  await expect(card.locator('.title')).toHaveText('ASEAN');
  await expect.poll(() => cardShown(page)).toBe(true);
  // A sheet: as wide as the screen, resting on its bottom edge.
  const frame = await (await cardFrame(page)).frameElement();
  const box = (await frame.boundingBox())!;
  expect(box.width).toBeGreaterThan(380);
  expect(Math.abs(box.y + box.height - 760)).toBeLessThanOrEqual(1);
  // It stays while the finger is off the screen.
  await page.waitForTimeout(800);
  expect(await cardShown(page)).toBe(true);
  // A tap on the page outside it closes it.
  await page.touchscreen.tap(200, 40);
  await expect.poll(() => cardShown(page)).toBe(false);
});

test('a swipe down closes the sheet, and a tap on its link follows the link', async ({
  launch,
  server,
}) => {
  const { context } = await launch({ phone: true });
  await context.route(/^https:\/\/en\.wikipedia\.org\//, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Wikipedia</title>' }),
  );
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  const cdp = await context.newCDPSession(page);
  const asean = await mark(page, 'ASEAN');
  await page.touchscreen.tap(asean.x, asean.y);
  await cardFrame(page);
  const card: Locator = cardIn(page);
  await expect(card.locator('.title')).toHaveText('ASEAN');
  await expect.poll(() => cardShown(page)).toBe(true);
  // Swiped once it has all its parts (GDELT's news line comes last, in its turn): a sheet still
  // growing moves under the finger.
  await expect(card.locator('figcaption')).toHaveText(['Wikipedia readers', 'News coverage'], {
    timeout: 20_000,
  });
  await waitForCardSettled(page);
  const box = (await card.boundingBox())!;
  await drag(
    cdp,
    { x: box.x + box.width / 2, y: box.y + 30 },
    { x: box.x + box.width / 2, y: box.y + 230 },
  );
  await expect.poll(() => cardShown(page)).toBe(false);

  await page.touchscreen.tap(asean.x, asean.y);
  await expect.poll(() => cardShown(page)).toBe(true);
  await waitForCardSettled(page);
  const link = card.getByRole('link', { name: 'Read on Wikipedia' });
  await link.scrollIntoViewIfNeeded();
  const at = (await link.boundingBox())!;
  const opened = context.waitForEvent('page');
  await page.touchscreen.tap(at.x + at.width / 2, at.y + at.height / 2);
  expect((await opened).url()).toBe('https://en.wikipedia.org/wiki/ASEAN');
});

test('a touch that scrolls the page opens nothing', async ({ launch, server }) => {
  const { context } = await launch({ phone: true });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  const cdp = await context.newCDPSession(page);
  const name = await mark(page, 'Min Aung Hlaing');
  await drag(cdp, name, { x: name.x, y: name.y - 200 });
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
  expect(await cardShown(page)).toBe(false);
});
