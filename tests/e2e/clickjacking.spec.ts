// A page hides Gloss's card while the reader's click lands on it: under an overlay in the top
// layer that lets clicks through, or with its whole <html> faded to nothing. The reader meant to
// click the page, so Gloss must not follow, mute or correct anything; in view, the same click works.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cardIn, hoverMention, waitForCardSettled } from '../../scripts/hover';

const ARTICLE = '/pages/myanmar-junta.html';

/** Clicks where the card's Subscribe button is, as a reader's mouse does (no checks of what shows). */
async function clickSubscribe(page: Page) {
  const box = (await cardIn(page).locator('.subscribe').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const HIDINGS = {
  'a click-through overlay in the top layer': () => {
    const cover = document.createElement('div');
    cover.id = 'cover';
    cover.setAttribute('popover', 'manual');
    cover.style.cssText =
      'inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; pointer-events: none; background: white;';
    cover.textContent = 'Click anywhere to continue';
    document.body.append(cover);
    cover.showPopover();
  },
  'the page faded to nothing': () => {
    document.documentElement.style.filter = 'opacity(0)';
  },
};

for (const [how, hide] of Object.entries(HIDINGS))
  test(`a hidden card takes no click: ${how}`, async ({ launch, server }) => {
    const { context } = await launch();
    const page = await context.newPage();
    await page.goto(server.origin + ARTICLE);
    await hoverMention(page, 'ASEAN');
    await waitForCardSettled(page);
    const subscribe = cardIn(page).locator('.subscribe');
    await expect(subscribe).toHaveAttribute('aria-pressed', 'false');

    await page.evaluate(hide);
    await page.waitForTimeout(400);
    await clickSubscribe(page);
    await page.waitForTimeout(600);
    await expect(subscribe).toHaveAttribute('aria-pressed', 'false');

    // Seen again, the reader's click does what it says.
    await page.evaluate(() => {
      document.getElementById('cover')?.remove();
      document.documentElement.style.filter = '';
    });
    await page.waitForTimeout(400);
    await clickSubscribe(page);
    await expect(subscribe).toHaveAttribute('aria-pressed', 'true');
  });
