// A page isolated by Cross-Origin-Embedder-Policy (to use SharedArrayBuffer, say) blocks every
// frame that does not opt in to it: Gloss's card must still open there, picture and all.
import { expect, test } from './fixtures';
import { cardFrame, cardIn, hoverMention } from '../../scripts/hover';

for (const embedderPolicy of ['require-corp', 'credentialless'])
  test(`a card opens on a page isolated with COEP ${embedderPolicy}`, async ({
    launch,
    server,
  }) => {
    const { context } = await launch();
    const page = await context.newPage();
    await page.goto(`${server.origin}/pages/myanmar-junta.html?coep=${embedderPolicy}`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await hoverMention(page, 'ASEAN');
    await expect(cardIn(page).locator('.title')).toHaveText('ASEAN');
    const picture = (await cardFrame(page)).locator('img.thumbnail');
    await expect
      .poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);
  });
