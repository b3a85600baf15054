// A page isolated by Cross-Origin-Embedder-Policy (to use SharedArrayBuffer, say) blocks every
// frame that does not opt in to it: Gloss's card must still open there, picture and all.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { cardFrame, cardIn, hoverMention } from '../../scripts/hover';

const ARTICLE = join(import.meta.dirname, '../fixtures/pages/myanmar-junta.html');

for (const embedderPolicy of ['require-corp', 'credentialless'])
  test(`a card opens on a page isolated with COEP ${embedderPolicy}`, async ({
    launch,
    server,
  }) => {
    const { context } = await launch();
    const url = `${server.origin}/pages/isolated-${embedderPolicy}.html`;
    const body = await readFile(ARTICLE, 'utf8');
    await context.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': embedderPolicy,
        },
        body,
      }),
    );
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await hoverMention(page, 'ASEAN');
    await expect(cardIn(page).locator('.title')).toHaveText('ASEAN');
    const picture = (await cardFrame(page)).locator('img.thumbnail');
    await expect
      .poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);
  });
