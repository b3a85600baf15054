// Firefox against a hostile page: what the Chromium suite's attackers try (card-deputy.spec.ts,
// clickjacking.spec.ts), tried where Firefox's answers differ.
import type { Frame, Page } from 'puppeteer-core';
import { hookShadowRoots, offerForgedPorts } from '../fixtures/attacks';
import { ADDON_ORIGIN, cardTitle, expect, hover, isMarked, placeOf, test } from './fixtures';

const ARTICLE = '/pages/myanmar-junta.html';

test('firefox: a card page the page framed itself answers the page nothing', async ({
  firefox,
  server,
}) => {
  const page = await firefox.browser.newPage();
  await page.goto(server.origin + ARTICLE);
  expect(await cardTitle(await hover(page, 'ASEAN'))).toBe('ASEAN');
  await page.mouse.move(5, 5);
  // The attacker knows the add-on's address (in Firefox it is fixed per profile), frames the
  // card page, and offers it and every frame on the page a port of its own.
  const heard = await page.evaluate(offerForgedPorts, `${ADDON_ORIGIN}/card.html`);
  expect(heard).toEqual([]);
  expect(await cardTitle(await hover(page, 'Min Aung Hlaing'))).toBe('Min Aung Hlaing');
});

/** Clicks the card's Subscribe button where the screen shows it, as a reader's mouse does. */
async function clickSubscribe(page: Page, card: Frame): Promise<void> {
  const frame = (await card.frameElement())!;
  const outer = (await frame.boundingBox())!;
  const inner = await card.evaluate(() => {
    const box = document
      .getElementById('card')!
      .shadowRoot!.querySelector('.subscribe')!
      .getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  await page.mouse.click(outer.x + inner.x, outer.y + inner.y);
}

function subscribed(card: Frame): Promise<string | null | undefined> {
  return card.evaluate(() =>
    document
      .getElementById('card')
      ?.shadowRoot?.querySelector('.subscribe')
      ?.getAttribute('aria-pressed'),
  );
}

test('firefox: a click on a hidden card follows nothing unless the reader confirms it', async ({
  firefox,
  server,
}) => {
  const page = await firefox.browser.newPage();
  await page.goto(server.origin + ARTICLE);
  const card = await hover(page, 'ASEAN');
  await expect.poll(() => subscribed(card)).toBe('false');
  // Firefox cannot say whether the card is seen: the browser's own dialog asks, which the page
  // can neither hide nor answer. The page fades itself to nothing; the reader, not knowing the
  // card is there, declines.
  await page.evaluate(() => {
    document.documentElement.style.filter = 'opacity(0)';
  });
  const asked: string[] = [];
  let accept = false;
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  await clickSubscribe(page, card);
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('Gloss');
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await subscribed(card)).toBe('false');
  // A reader who meant it says so, and the follow takes.
  accept = true;
  await clickSubscribe(page, card);
  await expect.poll(() => subscribed(card)).toBe('true');
});

test('firefox: a page cannot enumerate the names Gloss marked, nor find them in its DOM', async ({
  firefox,
  server,
}) => {
  const page = await firefox.browser.newPage();
  // Before anything else runs, the page hooks shadow roots to open and keep every one made.
  await page.evaluateOnNewDocument(hookShadowRoots);
  await page.goto(server.origin + ARTICLE);
  await expect.poll(() => isMarked(page, 'Min Aung Hlaing'), { timeout: 15_000 }).toBe(true);
  const points = [];
  for (const name of ['Min Aung Hlaing', 'ASEAN', 'Myanmar']) {
    const box = (await placeOf(page, name))!;
    points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }
  const traces = await page.evaluate((points) => {
    const added = [...document.documentElement.children].filter(
      (element) => element !== document.head && element !== document.body,
    );
    return {
      highlights: CSS.highlights.size,
      keptRoots: (window as unknown as { keptRoots: ShadowRoot[] }).keptRoots.length,
      tags: [...document.querySelectorAll('*')]
        .map((element) => element.tagName.toLowerCase())
        .filter((tag) => tag.includes('-')),
      added: added.map((element) => ({
        open: element.shadowRoot !== null,
        content: element.childNodes.length + element.textContent!.length,
        hit: points.some(({ x, y }) => document.elementsFromPoint(x, y).includes(element)),
      })),
    };
  }, points);
  // One layer was added, the marks' own: closed, empty to the page, and under no name's point.
  expect(traces).toEqual({
    highlights: 0,
    keptRoots: 0,
    tags: [],
    added: [{ open: false, content: 0, hit: false }],
  });
});
