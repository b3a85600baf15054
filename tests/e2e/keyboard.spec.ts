import { expect, test } from './fixtures';
// @ts-expect-error: plain JavaScript shared with the demo.
import { waitForMarks } from '../../scripts/hover.mjs';

const card = 'gloss-card .card';

/** The element focused inside the card's shadow root, if any. */
const focusedInCard = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const root = document.querySelector('gloss-card')?.shadowRoot;
    const active = root?.activeElement;
    return active
      ? `${active.tagName.toLowerCase()}:${(active.textContent ?? '').trim().slice(0, 40)}`
      : null;
  });

test('a reader can open, read and close cards with the keyboard alone', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await waitForMarks(page);

  // Alt+Shift+N opens the first marked name's card, with focus inside it.
  await page.keyboard.press('Alt+Shift+KeyN');
  await expect(page.locator(card).getByRole('heading', { level: 2 })).toHaveText('ASEAN');
  await expect(page.locator(card)).toHaveAttribute('role', 'dialog');
  expect(await focusedInCard(page)).toMatch(/^article:/);

  // Tab reaches the Subscribe toggle, then the card's links.
  await page.locator(card).getByRole('link', { name: 'Read on Wikipedia' }).waitFor();
  await page.keyboard.press('Tab');
  expect(await focusedInCard(page)).toBe('button:Subscribe');
  await page.keyboard.press('Tab');
  expect(await focusedInCard(page)).toMatch(/^a:/);

  // The next name, then back.
  await page.keyboard.press('Alt+Shift+KeyN');
  await expect(page.locator(card).getByRole('heading', { level: 2 })).toHaveText('Myanmar');
  await page.keyboard.press('Alt+Shift+KeyP');
  await expect(page.locator(card).getByRole('heading', { level: 2 })).toHaveText('ASEAN');

  // Esc closes it and gives focus back to the page.
  await page.keyboard.press('Escape');
  await expect(page.locator(card)).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
});
