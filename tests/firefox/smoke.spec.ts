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
  marksOn,
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
  await page.waitForFunction(
    () => [...CSS.highlights.values()].some((highlight) => highlight.size > 0),
    { timeout: 15_000 },
  );
  const marks = await marksOn(page);
  expect(marks.map((mark) => mark.text)).toEqual(
    expect.arrayContaining(['ASEAN', 'Myanmar', 'Min Aung Hlaing']),
  );
  // Drawn: the pixels under a marked name change when its highlight is taken away.
  const name = marks.find((mark) => mark.text === 'Min Aung Hlaing')!;
  const clip = { x: name.x - 60, y: name.y - 12, width: 120, height: 24 };
  const marked = await page.screenshot({ clip, encoding: 'base64' });
  await page.evaluate(() => CSS.highlights.clear());
  const plain = await page.screenshot({ clip, encoding: 'base64' });
  expect(marked).not.toBe(plain);
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
