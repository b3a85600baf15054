import { expect, pressCommand, test } from './fixtures';
import { cardFrame, cardIn, waitForMarks } from '../../scripts/hover';

type Page = import('@playwright/test').Page;
const card = (page: Page): import('@playwright/test').Locator => cardIn(page);

/** The element focused inside the card (its frame holding the focus), if any. */
const focusedInCard = async (page: Page) =>
  (await cardFrame(page)).evaluate(() => {
    const active = document.hasFocus()
      ? document.getElementById('card')?.shadowRoot?.activeElement
      : null;
    return active
      ? `${active.tagName.toLowerCase()}:${(active.textContent ?? '').trim().slice(0, 40)}`
      : null;
  });

test('a reader can open, read and close cards with the keyboard alone', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await waitForMarks(page);

  // The "next-name" command (Alt+Shift+J) opens the first marked name's card, with focus inside it.
  await pressCommand(worker, 'next-name');
  await cardFrame(page);
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('ASEAN');
  await expect(card(page)).toHaveAttribute('role', 'dialog');
  expect(await focusedInCard(page)).toMatch(/^article:/);

  // Tab reaches the Subscribe toggle, then the card's links.
  await card(page).getByRole('link', { name: 'Read on Wikipedia' }).waitFor();
  await page.keyboard.press('Tab');
  expect(await focusedInCard(page)).toBe('button:Subscribe');
  await page.keyboard.press('Tab');
  expect(await focusedInCard(page)).toMatch(/^a:/);

  // The next name, then back.
  await pressCommand(worker, 'next-name');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('Myanmar');
  await pressCommand(worker, 'previous-name');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('ASEAN');

  // Esc closes it and gives focus back to the page.
  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
});

test('the shortcuts are the browser’s commands, which the reader can rebind', async ({
  launch,
}) => {
  const { context, extensionId } = await launch();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const shortcuts = options.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('row')).toHaveText([
    /Open Gloss to look something up\s*Alt\+Shift\+G/,
    /Open the card of the next underlined name\s*Alt\+Shift\+J/,
    /Open the card of the previous underlined name\s*Alt\+Shift\+K/,
  ]);
  await expect(shortcuts).toContainText('chrome://extensions/shortcuts');
});
