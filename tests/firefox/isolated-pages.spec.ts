// Firefox on a page isolated by Cross-Origin-Embedder-Policy: the card still opens there.
import { cardTitle, expect, hover, test } from './fixtures';

for (const embedderPolicy of ['require-corp', 'credentialless'])
  test(`firefox: a card opens on a page isolated with COEP ${embedderPolicy}`, async ({
    firefox,
    server,
  }) => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/pages/myanmar-junta.html?coep=${embedderPolicy}`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const card = await hover(page, 'ASEAN');
    expect(await cardTitle(card)).toBe('ASEAN');
    const pictureWidth = () =>
      card.evaluate(
        () =>
          (
            document
              .getElementById('card')
              ?.shadowRoot?.querySelector('img.thumbnail') as HTMLImageElement | null
          )?.naturalWidth ?? 0,
      );
    await expect.poll(pictureWidth).toBeGreaterThan(0);
  });
