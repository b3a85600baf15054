// Gloss draws marks near where the reader is and the rest as the reader gets there: on a long
// page, a name far down is drawn once the reader scrolls to it, by wheel or by a jump.
import { expect, test } from './fixtures';
import { markedMentions, markPaint, waitForMarks } from '../../scripts/hover';

const FILLER =
  '<p>The committee met again on Tuesday and talked for a long time about the weather, the roads and the price of bread.</p>';

test('a name far down a long page is drawn when the reader reaches it', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  await context.route(`${server.origin}/long-page`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><title>long</title><body style="font: 18px/1.6 serif">
<p>Min Aung Hlaing spoke first.</p>${FILLER.repeat(300)}<p id="middle">Then ASEAN answered.</p>
${FILLER.repeat(300)}<p id="end">Last came Myanmar.</p></body></html>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/long-page`);
  await waitForMarks(page);
  const painted = async (name: string) => {
    const mark = (await markedMentions(page)).find((mention) => mention.text === name);
    return mark ? (await markPaint(page, mark.box)).share : 0;
  };
  await expect.poll(() => painted('Min Aung Hlaing')).toBeGreaterThan(0.02);
  // The wheel, a screen at a time, down to the middle.
  const middle = await page
    .locator('#middle')
    .evaluate((element: HTMLElement) => element.offsetTop);
  while ((await page.evaluate(() => window.scrollY + window.innerHeight / 2)) < middle)
    await page.mouse.wheel(0, 600);
  await page.locator('#middle').scrollIntoViewIfNeeded();
  await expect.poll(() => painted('ASEAN')).toBeGreaterThan(0.02);
  // A jump to the end, as the End key makes.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => painted('Myanmar')).toBeGreaterThan(0.02);
});

test('a screen dense with names has every one drawn, in a few frames at most', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  await context.route(`${server.origin}/dense-page`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><title>dense</title><body style="font: 9px/1.2 serif"><style>p { margin: 0 }</style>
${'<p>ASEAN met Myanmar, then ASEAN met Myanmar again.</p>'.repeat(400)}</body></html>`,
    }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/dense-page`);
  await waitForMarks(page);
  await expect.poll(async () => (await markedMentions(page)).length).toBe(1600);
  const inView = (await markedMentions(page)).filter(({ box }) => box.top >= 0 && box.top < 780);
  expect(inView.length).toBeGreaterThan(250);
  // The last names in view, drawn as the first are.
  for (const mark of inView.slice(-3))
    await expect.poll(async () => (await markPaint(page, mark.box)).share).toBeGreaterThan(0.02);
  expect(errors).toEqual([]);
});
