// The page's side of the boundary: a page whose own script attacks Gloss. It may script events,
// read its whole DOM and timeline, and try to reach the card; it must learn and drive nothing.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hookShadowRoots } from '../fixtures/attacks';
import * as hover from '../../scripts/hover';

const { cardFrame, cardIn, cardShown, hoverMention, markedMentions } = hover;

const ARTICLE = '/pages/myanmar-junta.html';

/** Where a marked name is on screen (the first with this text). */
async function mentionAt(page: Page, text: string): Promise<{ x: number; y: number }> {
  await expect
    .poll(async () => ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text))
    .toContain(text);
  const all = (await markedMentions(page)) as Array<{ text: string; x: number; y: number }>;
  return all.find((mention) => mention.text === text)!;
}

test("a page's own pointer and key events open no card", async ({ launch, server }) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  const at = await mentionAt(page, 'ASEAN');
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y)!;
    const init = { clientX: x, clientY: y, bubbles: true, composed: true };
    for (let i = 0; i < 10; i += 1) {
      target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
      target.dispatchEvent(new MouseEvent('mousemove', init));
    }
    for (const code of ['KeyN', 'KeyP'])
      document.dispatchEvent(
        new KeyboardEvent('keydown', {
          code,
          key: code.at(-1),
          altKey: true,
          shiftKey: true,
          bubbles: true,
        }),
      );
  }, at);
  // Well past the hover delay (500 ms): nothing opened, no frame was even made.
  await page.waitForTimeout(1500);
  expect(page.frames().some((frame) => frame.url().endsWith('/card.html'))).toBe(false);
  expect(await cardShown(page)).toBe(false);
  // The reader's own pointer still opens it.
  await hoverMention(page, 'ASEAN');
  expect(await cardShown(page)).toBe(true);
});

test('while the reader reads a card, the page can neither read nor click it', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  const before = await page.evaluate(() => document.documentElement.children.length);
  await hoverMention(page, 'ASEAN');
  const card: Locator = cardIn(page);
  await expect(card.getByRole('link', { name: 'Read on Wikipedia' })).toBeVisible();
  const box = (await card.getByRole('button', { name: 'Subscribe' }).boundingBox())!;

  const seen = await page.evaluate(
    ({ x, y, before }) => {
      const added = [...document.documentElement.children].slice(before);
      // The marks' layer came with the first mark; the card's host with the first card.
      const host = added.at(-1) as HTMLElement | undefined;
      // A script's click where the Subscribe button is drawn.
      const hit = document.elementFromPoint(x, y);
      hit?.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
      (hit as HTMLElement | null)?.click();
      getSelection()!.selectAllChildren(document.documentElement);
      const selected = String(getSelection());
      getSelection()!.removeAllRanges();
      return {
        added: added.length,
        tags: added.map((element) => element.tagName),
        attributes: added.flatMap((element) =>
          [...element.attributes].map((attribute) => attribute.name),
        ),
        shadowRoots: added.filter((element) => element.shadowRoot).length,
        frames: window.length,
        iframes: document.querySelectorAll('iframe').length,
        hitIsHost: hit === host,
        texts: [
          document.documentElement.innerText,
          document.documentElement.textContent ?? '',
          selected,
        ],
        found: ['Read on Wikipedia', 'Subscribe', 'Latest articles', 'Regional grouping'].some(
          (text) => (window as unknown as { find(text: string): boolean }).find(text),
        ),
      };
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2, before },
  );
  // Two anonymous elements (the marks' layer, the card's host), closed to the page: no name, no
  // attribute but their style, no way in.
  expect(seen.added).toBe(2);
  expect(seen.tags).toEqual(['DIV', 'DIV']);
  expect(seen.attributes).toEqual(['style', 'style']);
  expect(seen.shadowRoots).toBe(0);
  expect(seen.frames).toBe(0);
  expect(seen.iframes).toBe(0);
  expect(seen.hitIsHost).toBe(true);
  for (const text of seen.texts) expect(text).not.toContain('Regional grouping');
  expect(seen.found).toBe(false);
  // The script's clicks did nothing; the reader's own click does.
  await expect(card.getByRole('button', { name: 'Subscribe' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await card.getByRole('button', { name: 'Subscribe' }).click();
  await expect(card.getByRole('button', { name: 'Subscribed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The frame's address is Gloss's alone: the page's timeline does not name it.
  const frame = await cardFrame(page);
  expect(frame.url()).toMatch(/^chrome-extension:\/\//);
  expect(
    await page.evaluate(() =>
      performance.getEntries().filter((entry) => /extension|card\.html/.test(entry.name)),
    ),
  ).toEqual([]);
});

test('a page cannot enumerate the names Gloss marked, nor find them in its DOM or timeline', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  // Before anything else runs, the page hooks shadow roots to open and keep every one made.
  await context.addInitScript(hookShadowRoots);
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'Myanmar');
  await page.mouse.move(3, 3);
  const marked = await markedMentions(page);
  expect(marked.length).toBeGreaterThan(10);
  const traces = await page.evaluate(
    (points) => {
      const page = document.documentElement;
      const added = [...page.children].filter(
        (element) => element !== document.head && element !== document.body,
      );
      return {
        highlights: CSS.highlights.size,
        keptRoots: (window as unknown as { keptRoots: ShadowRoot[] }).keptRoots.length,
        sheets: [...document.adoptedStyleSheets].length,
        timeline: performance
          .getEntries()
          .map((entry) => entry.name)
          .filter((name) => /gloss/i.test(name)),
        tags: [...document.querySelectorAll('*')]
          .map((element) => element.tagName.toLowerCase())
          .filter((tag) => tag.includes('-')),
        // What Gloss added to the page: a layer with nothing to read in it, exactly the
        // document's size, and under no point of a marked name.
        added: added.map((element) => ({
          open: element.shadowRoot !== null,
          content: element.childNodes.length + element.textContent!.length,
          sameSize:
            element.scrollWidth === page.scrollWidth && element.scrollHeight === page.scrollHeight,
          hit: points.some(({ x, y }) => document.elementsFromPoint(x, y).includes(element)),
        })),
      };
    },
    marked.filter(({ y }) => y > 0 && y < 700).map(({ x, y }) => ({ x, y })),
  );
  const { added, ...rest } = traces;
  expect(rest).toEqual({ highlights: 0, keptRoots: 0, sheets: 0, timeline: [], tags: [] });
  // The marks' layer, under no name's point; and the card's host (its frame's box is found by
  // hit-testing, by design). Neither has anything to read.
  expect(added).toHaveLength(2);
  expect(added).toContainEqual({ open: false, content: 0, sameSize: true, hit: false });
  for (const { open, content } of added)
    expect({ open, content }).toEqual({ open: false, content: 0 });
});

test('a page with no names finds no trace of Gloss', async ({ launch, server }) => {
  const { context } = await launch();
  await context.route(`${server.origin}/no-names`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>notes</title><p>the weather was mild, and the tea was hot.</p>',
    }),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/no-names`);
  // Long enough for Gloss to read the page and answer it.
  await page.waitForTimeout(1500);
  expect(
    await page.evaluate(() => ({
      highlights: CSS.highlights.size,
      sheets: document.adoptedStyleSheets.length,
      elements: document.querySelectorAll('body *').length,
      outside: document.documentElement.children.length,
    })),
  ).toEqual({ highlights: 0, sheets: 0, elements: 1, outside: 2 });
});
