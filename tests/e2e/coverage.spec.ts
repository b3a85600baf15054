// "Why now?": the card's line of the entity's coverage over the last month, from GDELT.
import { expect, setSettings, test } from './fixtures';
import * as hover from '../../scripts/hover';

const { cardIn, hoverMention, waitForCardSettled } = hover;
const ARTICLE = '/pages/myanmar-junta.html';

test("a card shows the month's coverage, its spike marked, and that day's headlines", async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  const news = cardIn(page).getByRole('region', { name: 'In the news' });
  // What Wikipedia's readers did comes first; GDELT's line when its turn comes.
  await expect(news.getByRole('img', { name: /^Readers of its Wikipedia article/ })).toBeVisible();
  await expect(
    news.getByRole('img', { name: /^Coverage over the last month, highest on / }),
  ).toBeVisible({
    timeout: 20_000,
  });
  expect(await news.locator('circle.spike').count()).toBeGreaterThan(0);
  // The highest day's headlines, and the names they mention beside ASEAN.
  await expect(news.getByText(/^Most on .*, with Myanmar:$/)).toBeVisible();
  await expect(news.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  await waitForCardSettled(page);
  await page.screenshot({ path: test.info().outputPath('coverage.png') });
});

test('a card whose coverage cannot be had shows the rest, with no error for it', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  await setSettings(worker, { usePageviews: false });
  let failed = 0;
  await context.route(/\/api\/v2\/doc\/doc\?.*mode=timelinevolinfo/, (route) => {
    failed += 1;
    return route.fulfill({ status: 500, body: 'down' });
  });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  const card = cardIn(page);
  await expect(card.getByRole('heading', { name: 'Latest articles' })).toBeVisible();
  await expect.poll(() => failed, { timeout: 20_000 }).toBe(1);
  await waitForCardSettled(page);
  await expect(card.getByRole('region', { name: 'In the news' })).toHaveCount(0);
  await expect(card.locator('.error')).toHaveCount(0);
});

test("the popup's card is the same card: a search's entity shows its coverage line too", async ({
  launch,
}) => {
  const { context, extensionId } = await launch();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox', { name: /Look up/ }).fill('ASEAN');
  await popup
    .getByRole('option')
    .filter({ hasText: /^ASEAN/ })
    .first()
    .click();
  const card = popup.locator('.shadow-card .card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('ASEAN');
  await expect(card.getByRole('region', { name: 'In the news' })).toBeVisible();
  await expect(card.getByRole('region', { name: 'Latest articles' })).toBeVisible();
});
