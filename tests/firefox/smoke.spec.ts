// Gloss in a real Firefox: the smoke set that proves the Firefox build works as the Chromium one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADDON_ORIGIN,
  cardTitle,
  expect,
  FIREFOX_EXTENSION_DIR,
  frameAt,
  hover,
  isMarked,
  test,
} from './fixtures';

const ARTICLE = '/pages/myanmar-junta.html';

test('firefox: names are marked, and the marks are drawn', async ({ firefox, server }) => {
  // The manifest asks for no older Firefox than the one these tests prove (see wxt.config.ts).
  const manifest = JSON.parse(
    readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'),
  ) as { browser_specific_settings: { gecko: { strict_min_version: string } } };
  const minimum = parseInt(manifest.browser_specific_settings.gecko.strict_min_version, 10);
  const tested = parseInt((await firefox.browser.version()).split('/')[1] ?? '0', 10);
  expect(tested).toBeGreaterThanOrEqual(minimum);
  const page = await firefox.browser.newPage();
  await page.goto(server.origin + ARTICLE);
  await expect.poll(() => isMarked(page, 'Min Aung Hlaing'), { timeout: 15_000 }).toBe(true);
  for (const name of ['ASEAN', 'Myanmar']) expect(await isMarked(page, name), name).toBe(true);
  // Ordinary words are not, and the page itself finds no mark to read.
  expect(await isMarked(page, 'military')).toBe(false);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
});

test('firefox: a card opens on hover and closes when the pointer leaves', async ({
  firefox,
  server,
}) => {
  const page = await firefox.browser.newPage();
  await page.goto(server.origin + ARTICLE);
  const card = await hover(page, 'ASEAN');
  expect(await cardTitle(card)).toBe('ASEAN');
  await page.mouse.move(5, 5, { steps: 2 });
  await expect.poll(() => cardTitle(card)).toBeNull();
});

test('firefox: the second look comes from the cache', async ({ firefox, server }) => {
  const page = await firefox.browser.newPage();
  await page.goto(server.origin + ARTICLE);
  expect(await cardTitle(await hover(page, 'Aung San Suu Kyi'))).toBe('Aung San Suu Kyi');
  const asked = server.summaryRequests();
  expect(asked).toBe(1);
  await page.reload();
  expect(await cardTitle(await hover(page, 'Aung San Suu Kyi'))).toBe('Aung San Suu Kyi');
  expect(server.summaryRequests()).toBe(asked);
});

test('firefox: the popup’s search answers', async ({ firefox }) => {
  // The popup's page, opened where the add-on's own frame is (BiDi will not open it in a tab).
  const host = firefox.extension.page();
  await firefox.extension.evaluate(() => {
    location.href = 'popup.html';
  });
  const popup = await frameAt(host, `${ADDON_ORIGIN}/popup.html`);
  await popup.waitForSelector('input');
  await popup.type('input', 'Aung San');
  await popup.waitForFunction(() => document.body.innerText.includes('Aung San Suu Kyi'), {
    timeout: 10_000,
  });
});
