import type { Page } from '@playwright/test';
import { expect, setSettings, storedCounts, test } from './fixtures';
import { markCount, markedMentions, markPaint, waitForMarks } from '../../scripts/hover';

const ARTICLE = '/pages/myanmar-junta.html';
const marked = async (page: Page) =>
  ((await markedMentions(page)) as Array<{ text: string }>).map((mention) => mention.text);

test('"first mention only" marks each name once', async ({ launch, server }) => {
  const { context, worker } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  const every = await marked(page);
  expect(every.filter((name) => name === 'Myanmar').length).toBeGreaterThan(1);

  await setSettings(worker, { markMode: 'first', disabledSites: [] });
  await page.reload();
  await waitForMarks(page);
  await page.waitForTimeout(500);
  const first = await marked(page);
  expect(first.filter((name) => name === 'Myanmar')).toEqual(['Myanmar']);
  expect(new Set(first).size).toBe(first.length);
});

test('Gloss stays off on a site the reader turned it off for, and sends nothing', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  await setSettings(worker, {
    cardLanguage: 'en',
    markMode: 'every',
    disabledSites: ['127.0.0.1'],
  });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await page.waitForTimeout(2000);
  expect(await markCount(page)).toBe(0);
  expect(server.apiRequests()).toBe(0);
});

test('the tint mark style draws names with a tint instead of an underline', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  await setSettings(worker, {
    cardLanguage: 'en',
    markMode: 'every',
    disabledSites: [],
    markStyle: 'tint',
  });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  await page.waitForTimeout(200);
  // A tint covers the whole name, where an underline would colour only its last rows.
  const [first] = await markedMentions(page);
  const paint = await markPaint(page, first!.box);
  expect(paint.share).toBeGreaterThan(0.5);
});

test('Gloss stays off on a private address until the reader turns it on there', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  // The stand-in server is 127.0.0.1: as a fresh install sees it, before anyone turned Gloss on.
  await setSettings(worker, { enabledSites: [] });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await page.waitForTimeout(2000);
  expect(await markCount(page)).toBe(0);
  expect(server.apiRequests()).toBe(0);
  await setSettings(worker, { enabledSites: ['127.0.0.1'] });
  await page.reload();
  await waitForMarks(page);
});

test('turning "In your reading" off asks first, then deletes what it kept', async ({
  launch,
  server,
}) => {
  const { context, worker, extensionId } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  const readings = async () => (await storedCounts(worker)).readings;
  await expect.poll(readings).toBeGreaterThan(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const remember = options.getByRole('checkbox', { name: /Remember the pages where I met a name/ });
  await expect(remember).toBeChecked();
  // "No": nothing changes.
  options.once('dialog', (dialog) => void dialog.dismiss());
  await remember.click();
  await expect(remember).toBeChecked();
  expect(await readings()).toBeGreaterThan(0);
  // "Yes": off, and the history is gone.
  options.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('deleted');
    void dialog.accept();
  });
  await remember.click();
  await expect(remember).not.toBeChecked();
  await expect.poll(readings).toBe(0);
});
