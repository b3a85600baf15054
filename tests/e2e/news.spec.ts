// A card's news from sources as they really are: the stand-in keeps GDELT's published limit (one
// request per 5 s, else 429 and a plea), answers slowly or sheds load when told, and Gloss paces
// itself, says plainly what it waits for, and fills the open card in when the answer comes.
import type { Page } from '@playwright/test';
import { expect, setSettings, test } from './fixtures';
import { cardIn, hoverMention } from '../../scripts/hover';
import { startFixtureServer, type FixtureServerOptions } from '../fixtures/server';

const ARTICLE = '/pages/myanmar-junta.html';
const latest = (page: Page) =>
  cardIn(page).getByRole('region', { name: 'Latest articles' }).getByRole('listitem');
const notes = (page: Page) => cardIn(page).locator('.related-note');

/** A stand-in of the test's own, with `options`; closed when the test ends. */
async function ownServer(options: FixtureServerOptions) {
  const server = await startFixtureServer(options);
  test.info().attach('stand-in', { body: server.origin });
  return server;
}

test('cards asked in a row each fill in while open, and GDELT is never asked twice within its 5 s', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  await expect(latest(page)).toHaveCount(3);
  await page.mouse.move(5, 5);
  // The next card comes within the interval: its articles wait their turn, and it says so.
  await hoverMention(page, 'Aung San Suu Kyi');
  await expect(notes(page).first()).toHaveText(
    /^Latest articles from GDELT in (a few|about \d+) seconds/,
  );
  await expect(cardIn(page).getByRole('region', { name: 'In the news' })).toBeVisible();
  // The same open card fills in: the reader never reopens it.
  await expect(latest(page).first()).toBeVisible({ timeout: 15_000 });
  const gdelt = server.gdeltLog;
  expect(gdelt.map((entry) => entry.outcome)).not.toContain('refused');
  const articles = gdelt.filter((entry) => entry.mode === 'artlist');
  expect(articles.map((entry) => entry.query)).toEqual(['"ASEAN"', '"Aung San Suu Kyi"']);
  for (let index = 1; index < gdelt.length; index += 1)
    expect(gdelt[index]!.at - gdelt[index - 1]!.at).toBeGreaterThanOrEqual(5000);
});

test('the attention line shows at once while GDELT is slow, and the card says GDELT is slow', async ({
  launch,
}) => {
  const slow = await ownServer({ gdeltLatencyMs: 20_000 });
  try {
    const { context } = await launch({ wikipediaOrigin: slow.origin });
    const page = await context.newPage();
    await page.goto(slow.origin + ARTICLE);
    await hoverMention(page, 'ASEAN');
    const news = cardIn(page).getByRole('region', { name: 'In the news' });
    await expect(news.locator('figcaption')).toHaveText(['Wikipedia readers'], { timeout: 3000 });
    await expect(news.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^Readers of its Wikipedia article/,
    );
    await expect(notes(page)).toHaveText(['GDELT is slow to answer right now; still asking.'], {
      timeout: 12_000,
    });
  } finally {
    await slow.close();
  }
});

test('a GDELT that sheds the request is asked again after its interval, and the card says why meanwhile', async ({
  launch,
}) => {
  const shedding = await ownServer({ gdeltShed: (n) => n === 0, gdeltShedAfterMs: 2000 });
  try {
    const { context } = await launch({ wikipediaOrigin: shedding.origin });
    const page = await context.newPage();
    await page.goto(shedding.origin + ARTICLE);
    await hoverMention(page, 'ASEAN');
    await expect(notes(page)).toHaveText(
      [/^GDELT is busy and asked Gloss to wait; asking again in (a few|about \d+) seconds\.$/],
      { timeout: 6000 },
    );
    await expect(latest(page)).toHaveCount(3, { timeout: 15_000 });
    await expect(notes(page)).toHaveCount(0);
    expect(
      shedding.gdeltLog.filter((entry) => entry.mode === 'artlist').map((e) => e.outcome),
    ).toEqual(['shed', 'answered']);
  } finally {
    await shedding.close();
  }
});

test('a background the browser stopped and started again keeps to the interval', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  await expect(latest(page)).toHaveCount(3);
  await page.mouse.move(5, 5);
  // The browser stops an idle extension worker whenever it likes; here, at once.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await hoverMention(page, 'Aung San Suu Kyi');
  await expect(latest(page).first()).toBeVisible({ timeout: 15_000 });
  const gdelt = server.gdeltLog;
  expect(gdelt.map((entry) => entry.outcome)).not.toContain('refused');
  for (let index = 1; index < gdelt.length; index += 1)
    expect(gdelt[index]!.at - gdelt[index - 1]!.at).toBeGreaterThanOrEqual(5000);
});

test('the options page names each third party a card asks, and one turned off is asked nothing', async ({
  launch,
  server,
}) => {
  const { context, extensionId } = await launch();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const parties = options.locator('.third-parties li strong');
  await expect(parties).toHaveText([
    'Wikipedia',
    'Wikidata',
    'Wikimedia pageviews',
    'GDELT',
    'Google News',
  ]);
  await expect(options.getByRole('checkbox', { name: /^Google News/ })).not.toBeChecked();
  await options.getByRole('checkbox', { name: /^GDELT/ }).uncheck();
  await options.getByRole('checkbox', { name: /^Wikimedia pageviews/ }).uncheck();
  await expect(options.getByText('Saved. Pages opened from now on use it.')).toBeVisible();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  await expect(cardIn(page).getByRole('term')).toHaveText(['Founded', 'Headquarters', 'Members']);
  await page.waitForTimeout(1000);
  expect(server.gdeltLog).toEqual([]);
  expect(server.requests.filter((request) => request.path.includes('/pageviews/'))).toEqual([]);
  await expect(cardIn(page).getByRole('region', { name: 'Latest articles' })).toHaveCount(0);
  await expect(cardIn(page).getByRole('region', { name: 'In the news' })).toHaveCount(0);
});

test("Google News, once the reader turns it on, adds the card language's articles to the same stories", async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  await setSettings(worker, { useGoogleNews: true, useGdelt: false });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  // The stand-in lists GDELT's articles as Google would: the same three stories.
  await expect(latest(page)).toHaveCount(3);
  const asked = server.requests.filter((request) => request.path === '/rss/search');
  expect(asked).toHaveLength(1);
  const query = new URLSearchParams(asked[0]!.query);
  expect(query.get('q')).toBe('"ASEAN" when:7d');
  expect(query.get('hl')).toMatch(/^en/);
  expect(server.gdeltLog).toEqual([]);
});
