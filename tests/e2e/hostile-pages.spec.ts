// Pages built to break things. On each: no error in the console, the page's own behaviour (its DOM,
// its scripts, its editor) as without Gloss, and Gloss's work bounded in size.
import type { BrowserContext, Page } from '@playwright/test';
import { SLOW_TEXT_PAGE } from '../../scripts/bench/hostile';
import { expect, test, type FixtureServer } from './fixtures';
import * as hover from '../../scripts/hover';

const { cardIn, hoverMention, markCount, markedMentions, markedTexts, waitForMarks } = hover;
const SENTENCE = 'Min Aung Hlaing met ASEAN envoys in Myanmar again. ';

/**
 * Serves `body` as a page on the stand-in's origin, with a probe: a button the page's own script
 * counts clicks on, and the body's markup as the page left it, kept before Gloss could run.
 */
async function open(
  context: BrowserContext,
  server: FixtureServer,
  name: string,
  body: string,
): Promise<{ page: Page; errors: string[] }> {
  const url = `${server.origin}/hostile/${name}.html`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><title>${name}</title></head><body>
<button id="probe" onclick="window.clicks = (window.clicks || 0) + 1">probe</button>
${body}
<script>window.markupAtLoad = document.body.innerHTML;</script></body></html>`,
    }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

/** The page still works: its button counts, and Gloss added nothing to its markup. */
async function expectPageUnchanged(page: Page): Promise<void> {
  await page.click('#probe');
  expect(await page.evaluate(() => (window as unknown as { clicks?: number }).clicks)).toBe(1);
  const same = await page.evaluate(
    () => document.body.innerHTML === (window as unknown as { markupAtLoad: string }).markupAtLoad,
  );
  expect(same).toBe(true);
}

test('a 5 MB text node: marked in pieces, up to a bound', async ({ launch, server }) => {
  const { context } = await launch();
  const text = SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length));
  const { page, errors } = await open(
    context,
    server,
    'huge-node',
    `<p id="huge"></p><script>document.getElementById('huge').textContent = ${JSON.stringify(text)};</script>`,
  );
  await waitForMarks(page, 60_000);
  await expect.poll(() => markCount(page), { timeout: 60_000 }).toBe(5_000);
  // Only the start of so long a node is read: the last sentence is never marked.
  const lastMarked = Math.max(...(await markedTexts(page)).map((mark) => mark.end));
  expect(lastMarked).toBeLessThan(1_000_001);
  expect(await page.evaluate(() => (window as unknown as { clicks?: number }).clicks)).toBe(
    undefined,
  );
  await page.click('#probe');
  expect(await page.evaluate(() => (window as unknown as { clicks?: number }).clicks)).toBe(1);
  expect(errors).toEqual([]);
});

test('100,000 elements and nesting 5,000 deep', async ({ launch, server }) => {
  const { context } = await launch();
  const many = `<div id="many">${'<span>word </span>'.repeat(100_000)}<p>${SENTENCE}</p></div>`;
  const deep = `${'<div>'.repeat(5_000)}<p>The deepest line names ASEAN.</p>${'</div>'.repeat(5_000)}`;
  const { page, errors } = await open(context, server, 'many-and-deep', many + deep);
  await waitForMarks(page, 60_000);
  await expect
    .poll(
      async () =>
        ((await markedMentions(page)) as Array<{ text: string }>).filter((m) => m.text === 'ASEAN')
          .length,
    )
    .toBe(2);
  await expectPageUnchanged(page);
  expect(errors).toEqual([]);
});

test('text in open shadow roots and same-origin frames, and an editor being typed into', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const { page, errors } = await open(
    context,
    server,
    'shadow-frame-editor',
    `<p>${SENTENCE}</p>
<div id="shadow-host"></div>
<iframe id="frame" srcdoc="<p>${SENTENCE}</p>"></iframe>
<div id="editor" contenteditable="true"><p>Draft about Myanmar:</p></div>
<script>
  document.getElementById('shadow-host').attachShadow({ mode: 'open' }).innerHTML = '<p>${SENTENCE}</p>';
</script>`,
  );
  await waitForMarks(page);
  await page.click('#editor p');
  await page.keyboard.press('End');
  await page.keyboard.type(' ASEAN and Min Aung Hlaing.');
  await page.waitForTimeout(1000);
  expect(await page.locator('#editor').innerText()).toBe(
    'Draft about Myanmar: ASEAN and Min Aung Hlaing.',
  );
  // Nothing inside the editor is marked, and the editor's markup is only what was typed.
  const inEditor = await page.evaluate(
    (marks) => {
      const editor = document.getElementById('editor')!.getBoundingClientRect();
      return marks.filter(
        ({ x, y }) =>
          x >= editor.left && x <= editor.right && y >= editor.top && y <= editor.bottom,
      ).length;
    },
    await markedMentions(page),
  );
  expect(inEditor).toBe(0);
  expect(await page.locator('#editor *').count()).toBe(1);
  expect(
    await page.evaluate(() => document.getElementById('shadow-host')!.shadowRoot!.innerHTML),
  ).toBe(`<p>${SENTENCE}</p>`);
  expect(errors).toEqual([]);
});

test('a page that rewrites its text a thousand times a second', async ({ launch, server }) => {
  // Gloss's reads are counted in the benchmark build's timeline (the real one leaves none).
  const { context } = await launch({ timeline: true });
  const { page, errors } = await open(
    context,
    server,
    'churn',
    `<p>${SENTENCE}</p><p id="ticker"></p>
<script>
  window.rewrites = 0;
  const names = ['ASEAN', 'Myanmar', 'Min Aung Hlaing'];
  setInterval(() => {
    for (let i = 0; i < 4; i += 1) {
      document.getElementById('ticker').textContent = names[window.rewrites % 3] + ' ' + window.rewrites;
      window.rewrites += 1;
    }
  }, 4);
</script>`,
  );
  await waitForMarks(page);
  const before = await page.evaluate(() => ({
    rewrites: (window as unknown as { rewrites: number }).rewrites,
    scans: performance.getEntriesByName('gloss:scan').length,
  }));
  await page.waitForTimeout(3000);
  const after = await page.evaluate(() => ({
    rewrites: (window as unknown as { rewrites: number }).rewrites,
    scans: performance.getEntriesByName('gloss:scan').length,
  }));
  const rewrites = after.rewrites - before.rewrites;
  expect(rewrites).toBeGreaterThan(1000);
  // Changes are gathered into batches, about ten a second: far fewer scans than rewrites.
  expect(after.scans - before.scans).toBeLessThan(rewrites / 50);
  expect(errors).toEqual([]);
});

test('a page that overrides built-ins still gets marks and cards', async ({ launch, server }) => {
  const { context } = await launch();
  const { page, errors } = await open(
    context,
    server,
    'overrides',
    `<p>${SENTENCE}</p>
<script>
  Array.prototype.map = function () { throw new Error('page: map is mine'); };
  Node.prototype.appendChild = function () { throw new Error('page: appendChild is mine'); };
  window.fetch = function () { throw new Error('page: fetch is mine'); };
  Promise.prototype.then = function () { throw new Error('page: then is mine'); };
</script>`,
  );
  await hoverMention(page, 'ASEAN');
  await expect(cardIn(page).locator('.title')).toHaveText('ASEAN');
  await page.mouse.move(2, 2);
  expect(errors).toEqual([]);
});

test('a tab full of crafted slow text does not hold up a card in another tab', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const { errors } = await open(context, server, 'slow-text', SLOW_TEXT_PAGE);
  // The crafted tab's text is being read while the reader opens an article in another tab.
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await waitForMarks(page, 30_000);
  await page.waitForTimeout(500);
  const started = Date.now();
  await hoverMention(page);
  // The intent delay (500 ms), then the card within a second.
  expect(Date.now() - started).toBeLessThan(1_500);
  expect(errors).toEqual([]);
});

test('text the background never answered for is read again, not left as read', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  // A first batch that takes the background seconds to read, then the article's names.
  const { page, errors } = await open(
    context,
    server,
    'unanswered',
    `<p>${'Abc, '.repeat(200_000)}</p><p>${SENTENCE}</p>`,
  );
  // While the first batch is read, the browser stops Gloss's service worker (as it may at any
  // time): the message goes unanswered.
  await page.waitForTimeout(300);
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker');
  expect(worker).toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
  // The page's names are still marked: the text is read again once the background is back.
  await waitForMarks(page, 20_000);
  expect(((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text)).toContain(
    'ASEAN',
  );
  expect(errors).toEqual([]);
});
