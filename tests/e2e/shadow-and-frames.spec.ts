// Text outside the page's own tree: web components' open shadow roots, and frames of the page's
// own origin. Closed shadow roots and other sites' frames stay unread.
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, pressCommand, test, type FixtureServer } from './fixtures';
import * as hover from '../../scripts/hover';

const { cardFrame, cardIn, cardShown, markedMentions, waitForMarks } = hover;
const STORY = 'Min Aung Hlaing met ASEAN envoys in Naypyidaw.';

/** Serves `body` as a page at `path` on `origin`. */
async function serve(
  context: BrowserContext,
  origin: string,
  path: string,
  body: string,
): Promise<string> {
  const url = `${origin}${path}`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>${path}</title></head><body>${body}</body></html>`,
    }),
  );
  return url;
}

/** The marked names' texts in a frame (or the page's main frame). */
async function markedTexts(frame: Page | Frame): Promise<string[]> {
  return ((await markedMentions(frame)) as Array<{ text: string }>).map((mark) => mark.text);
}

/** Whether the pixels just under a marked name hold the marks' blue (the underline is drawn). */
async function underlined(page: Page, mark: { x: number; y: number }): Promise<boolean> {
  const shot = await page.screenshot({
    clip: { x: mark.x - 30, y: mark.y, width: 60, height: 14 },
  });
  return page.evaluate(
    async (png) => {
      const bitmap = await createImageBitmap(await (await fetch(png)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      for (let at = 0; at < data.length; at += 4)
        if (data[at + 2]! > data[at]! + 60 && data[at + 2]! > 150) return true;
      return false;
    },
    `data:image/png;base64,${shot.toString('base64')}`,
  );
}

/** Custom elements that put their `text` in a shadow root of their own, open or closed. */
const COMPONENTS = `<script>
for (const mode of ['open', 'closed'])
  customElements.define('story-' + mode, class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode }).innerHTML = '<p>' + this.getAttribute('text') + '</p>';
    }
  });
</script>`;

test('names in an open shadow root are marked, drawn and open cards; a closed root stays closed', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  const url = await serve(
    context,
    server.origin,
    '/components.html',
    `${COMPONENTS}<p>The light tree names Myanmar.</p>
<story-open text="${STORY}"></story-open>
<story-closed text="Aung San Suu Kyi spoke for the National League for Democracy."></story-closed>
<div id="later"></div>
<script>setTimeout(() => {
  const late = document.createElement('story-open');
  late.setAttribute('text', 'Later, Thailand sent envoys.');
  document.getElementById('later').append(late);
}, 1500);</script>`,
  );
  const page = await context.newPage();
  await page.goto(url);
  await waitForMarks(page);
  await expect
    .poll(() => markedTexts(page))
    .toEqual(expect.arrayContaining(['Myanmar', 'Min Aung Hlaing', 'ASEAN', 'Thailand']));
  const texts = await markedTexts(page);
  // The closed root's names are the component's secret.
  expect(texts).not.toContain('Aung San Suu Kyi');
  expect(texts).not.toContain('National League for Democracy');

  // The shadow tree's marks are drawn like the light tree's.
  const marks = (await markedMentions(page)) as Array<{ text: string; x: number; y: number }>;
  expect(
    await underlined(
      page,
      marks.find((mark) => mark.text === 'Myanmar')!,
    ),
  ).toBe(true);
  expect(
    await underlined(
      page,
      marks.find((mark) => mark.text === 'ASEAN')!,
    ),
  ).toBe(true);

  // Resting on a name inside the shadow tree opens its card.
  const asean = marks.find((mark) => mark.text === 'ASEAN')!;
  await page.mouse.move(asean.x, asean.y);
  await cardFrame(page);
  await expect(cardIn(page).locator('.title')).toHaveText('ASEAN');
  await expect.poll(() => cardShown(page)).toBe(true);

  // The next-name command steps through them in reading order: the light tree's first, then the
  // shadow's.
  await page.mouse.move(5, 5);
  await expect.poll(() => cardShown(page)).toBe(false);
  await pressCommand(worker, 'next-name');
  await expect.poll(() => cardShown(page)).toBe(true);
  await expect(cardIn(page).locator('.title')).toHaveText('Myanmar');
  await page.keyboard.press('Escape');
  await pressCommand(worker, 'next-name');
  await expect(cardIn(page).locator('.title')).toHaveText('Min Aung Hlaing');
});

/** A page with three frames: one of its own origin, one its script wrote, one of another site. */
async function framedPage(context: BrowserContext, server: FixtureServer): Promise<string> {
  const other = server.origin.replace('127.0.0.1', 'localhost');
  const own = await serve(context, server.origin, '/frames/own.html', `<p>${STORY}</p>`);
  const foreign = await serve(context, other, '/frames/foreign.html', `<p>${STORY}</p>`);
  return serve(
    context,
    server.origin,
    '/frames/page.html',
    `<p>The page itself is about Myanmar.</p>
<iframe id="own" src="${own}" width="600" height="120"></iframe>
<iframe id="written" srcdoc="<p>The written frame names Thailand.</p>" width="600" height="80"></iframe>
<iframe id="foreign" src="${foreign}" width="600" height="120"></iframe>`,
  );
}

test("frames of the page's origin are read and open cards; another site's frame is not", async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(await framedPage(context, server));
  const frame = (id: string) => page.frame({ url: (url) => url.href.includes(id) })!;
  await waitForMarks(page);
  expect(await markedTexts(page)).toEqual(['Myanmar']);

  const own = frame('/frames/own.html');
  await waitForMarks(own);
  await expect.poll(() => markedTexts(own)).toEqual(['Min Aung Hlaing', 'ASEAN', 'Naypyidaw']);
  const written = page.frames().find((candidate) => candidate.url() === 'about:srcdoc')!;
  await waitForMarks(written);
  expect(await markedTexts(written)).toEqual(['Thailand']);

  // Another site's frame: the same story, and not a mark (both sites are on for Gloss).
  const foreign = frame('/frames/foreign.html');
  await page.waitForTimeout(1_500);
  expect(await markedTexts(foreign)).toEqual([]);
  // Opened as a page of its own, the same story is marked.
  const alone = await context.newPage();
  await alone.goto(foreign.url());
  await waitForMarks(alone);
  await alone.close();

  // A name in the frame opens its card there.
  const asean = ((await markedMentions(own)) as Array<{ text: string; x: number; y: number }>).find(
    (mark) => mark.text === 'ASEAN',
  )!;
  const box = (await (await own.frameElement()).boundingBox())!;
  await page.mouse.move(box.x + asean.x, box.y + asean.y);
  await cardFrame(page);
  await expect(cardIn(page).locator('.title')).toHaveText('ASEAN');
  // Drawn inside that frame, where the name is.
  expect(own.childFrames().some((child) => child.url().endsWith('/card.html'))).toBe(true);
});
