import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { readTabId } from '../../scripts/browser';
import { expect, test } from './fixtures';
import { cardIn, hoverMention, markCount, waitForMarks } from '../../scripts/hover';

const ARTICLE = '/pages/myanmar-junta.html';
const card = (page: Page): Locator => cardIn(page);

const openPage = async (context: BrowserContext, extensionId: string, path: string) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
};

/** The toolbar badge's text, as the browser shows it. */
const badge = (worker: Worker) =>
  worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { action: { getBadgeText(details: object): Promise<string> } };
      }
    ).chrome.action.getBadgeText({}),
  );

/** Follows ASEAN from its card on the demo article. */
async function followAsean(page: Page, origin: string) {
  await page.goto(origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  await card(page).getByRole('button', { name: 'Subscribe' }).click();
  await expect(card(page).getByRole('button', { name: 'Subscribed' })).toBeVisible();
}

test('a search in the popup opens the card, whose Subscribe shows on the options page', async ({
  launch,
}) => {
  const { context, extensionId } = await launch();
  const popup = await openPage(context, extensionId, 'popup.html');
  const search = popup.getByRole('combobox', { name: /Look up/ });
  await search.fill('Karen');
  const options = popup.getByRole('option');
  await expect(options.first()).toContainText('Karen people');
  await search.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  const popupCard = popup.locator('.shadow-card .card');
  await expect(popupCard.getByRole('heading', { level: 2 })).toHaveText('Karen State');
  await popupCard.getByRole('button', { name: 'Subscribe' }).click();
  await expect(popupCard.getByRole('button', { name: 'Subscribed' })).toBeVisible();
  // Esc goes back to the results, and the look-up is remembered.
  await search.press('Escape');
  await expect(popupCard).toHaveCount(0);

  const settings = await openPage(context, extensionId, 'options.html');
  await expect(settings.getByRole('list', { name: 'Your topics' })).toContainText('Karen State');
  await popup.reload();
  await expect(popup.getByRole('region', { name: 'Recent' })).toContainText('Karen State');
});

test('the alarm checks the topics: the badge counts the new articles the popup lists; unfollowing clears them', async ({
  launch,
  server,
}) => {
  const { context, worker, extensionId } = await launch();
  const page = await context.newPage();
  await followAsean(page, server.origin);
  expect(await badge(worker)).toBe('');
  // The reader leaves the card: a topic check waits while cards are being read (it would hold the
  // next card's articles back at GDELT's one request per 5 s).
  await page.mouse.move(5, 5);

  // The alarm, fired now rather than in half an hour.
  await worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { alarms: { create(name: string, info: object): Promise<void> } };
      }
    ).chrome.alarms.create('gloss-poll-topics', { when: Date.now() + 50 }),
  );
  // GDELT's three ASEAN stories (its syndicated copy counted once), once the reader is quiet.
  await expect.poll(() => badge(worker), { timeout: 30_000 }).toBe('3');

  const popup = await openPage(context, extensionId, 'popup.html');
  const news = popup.getByRole('region', { name: /New for your topics/ });
  await expect(news).toContainText('3 unread');
  await expect(news.getByRole('link')).toHaveText([
    'ASEAN envoy heads to Naypyidaw as ceasefire talks stall',
    "ASEAN ministers weigh next steps on Myanmar's peace plan",
    'Trade, not politics, tops the agenda as ASEAN leaders meet',
  ]);
  // A story two outlets told is listed once, and opening it reads both tellings.
  await expect(news.getByRole('listitem').first()).toContainText('also mekong-post.example');
  const opened = context.waitForEvent('page');
  await news.getByRole('link').first().click();
  await (await opened).close();
  await expect(news).toContainText('2 unread');
  await expect.poll(() => badge(worker), { timeout: 15_000 }).toBe('2');

  const settings = await openPage(context, extensionId, 'options.html');
  await settings.getByRole('button', { name: 'Stop following ASEAN' }).click();
  await expect.poll(() => badge(worker)).toBe('');
  await expect(news).toContainText('Nothing new yet');
});

test('export then import restores settings and topics; a corrupt file changes nothing', async ({
  launch,
  server,
}) => {
  const { context, extensionId } = await launch();
  const page = await context.newPage();
  await followAsean(page, server.origin);
  const settings = await openPage(context, extensionId, 'options.html');
  await settings.getByRole('combobox', { name: 'Names marked' }).selectOption('first');
  await settings.getByRole('textbox', { name: 'Keywords to follow' }).fill('rare earths');
  await settings.getByRole('button', { name: 'Follow', exact: true }).click();
  const topics = settings.getByRole('list', { name: 'Your topics' });
  await expect(topics).toContainText('rare earths');

  const download = settings.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export settings and topics' }).click();
  const file = await (await download).path();

  // Undo it all, then import the file.
  await settings.getByRole('button', { name: 'Stop following ASEAN' }).click();
  await settings.getByRole('button', { name: 'Stop following rare earths' }).click();
  await settings.getByRole('combobox', { name: 'Names marked' }).selectOption('every');
  await expect(topics).toHaveCount(0);
  await settings.getByLabel('Import settings and topics from a file').setInputFiles(file);
  await expect(
    settings.getByText('Imported 2 topics and 0 choices, and the settings.'),
  ).toBeVisible();
  await expect(settings.getByRole('list', { name: 'Your topics' })).toContainText('ASEAN');
  await expect(settings.getByRole('list', { name: 'Your topics' })).toContainText('rare earths');
  await expect(settings.getByRole('combobox', { name: 'Names marked' })).toHaveValue('first');

  // A file cut short is refused, with the reason, and nothing changes.
  await settings.getByLabel('Import settings and topics from a file').setInputFiles({
    name: 'gloss-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"gloss-backup","version":1,"topics":[{"key":'),
  });
  await expect(
    settings.getByText(/^Nothing was imported\. This file is not a Gloss backup/),
  ).toBeVisible();
  await expect(
    settings.getByRole('list', { name: 'Your topics' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(settings.getByRole('combobox', { name: 'Names marked' })).toHaveValue('first');
});

test('the popup’s switch turns Gloss off and on again in the open tab', async ({
  launch,
  server,
}) => {
  const { context, worker, extensionId } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  const marks = () => markCount(page);
  expect(await marks()).toBeGreaterThan(0);

  // The popup acts on the tab it is given (here, the article's), as it does on the active one.
  const tabId = await readTabId(worker);
  const popup = await openPage(context, extensionId, `popup.html?tab=${tabId}`);
  const toggle = popup.getByRole('checkbox', { name: 'On 127.0.0.1' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect.poll(marks).toBe(0);

  // Off stays off across a reload; on brings the marks back at once.
  await page.reload();
  await page.waitForTimeout(1000);
  expect(await marks()).toBe(0);
  await toggle.check();
  await expect.poll(marks).toBeGreaterThan(0);
});
