import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { cardIn, hoverMention, markedMentions, waitForMarks } from '../../scripts/hover';
import { startFixtureServer } from '../fixtures/server';

const ARTICLE = '/pages/myanmar-junta.html';
const card = (page: Page): Locator => cardIn(page);

test('a card seen once still shows, facts and articles included, when the sources are gone', async ({
  launch,
  server,
}) => {
  // The sources on a server of their own, so they can go away while the page stays.
  const sources = (await startFixtureServer()) as { origin: string; close(): Promise<void> };
  const { context } = await launch({ wikipediaOrigin: sources.origin });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'Aung San Suu Kyi');
  await expect(card(page).getByRole('term')).toHaveText(['Born', 'Citizenship', 'Last position']);
  await expect(
    card(page).getByRole('region', { name: 'Latest articles' }).getByRole('listitem'),
  ).toHaveCount(3);
  await sources.close();

  await page.reload();
  await hoverMention(page, 'Aung San Suu Kyi');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('Aung San Suu Kyi');
  await expect(card(page).getByRole('term')).toHaveText(['Born', 'Citizenship', 'Last position']);
  await expect(
    card(page).getByRole('region', { name: 'Latest articles' }).getByRole('listitem'),
  ).toHaveCount(3);

  // A name never opened before says plainly that it needs a connection.
  await page.mouse.move(2, 2);
  await expect(card(page)).toHaveCount(0);
  await hoverMention(page, 'China');
  await expect(card(page)).toContainText(
    'You appear to be offline, and this card is not saved yet.',
  );
});

test('a busy Wikipedia (429) gets a clear message, and Try again then works', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  server.failNext(429);
  await hoverMention(page, 'Naypyidaw');
  await expect(card(page)).toContainText('Wikipedia is busy right now. Try again in a moment.');
  // The stand-in asked for a one-second pause (Retry-After: 1); Gloss holds every call back until then.
  await page.waitForTimeout(1100);
  await card(page).getByRole('button', { name: 'Try again' }).click();
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('Naypyidaw');
  await expect(card(page)).toContainText('capital of Myanmar');
});

test('a slow Wikipedia holds back only the names it is asked about: known ones are marked at once', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  // Every look-up now hangs until Gloss's own timeout (8 s). The summit page names ASEAN and
  // Myanmar, known from the article, and Jakarta, new.
  server.failNext(...Array.from({ length: 20 }, () => 'hang' as const));
  const asked = server.apiRequests();
  await page.goto(server.origin + '/pages/asean-summit.html');
  await waitForMarks(page, 4000);
  const early = ((await markedMentions(page)) as Array<{ text: string }>).map(({ text }) => text);
  expect(early).toEqual(expect.arrayContaining(['ASEAN', 'Myanmar']));
  expect(early).not.toContain('Jakarta');
  expect(server.apiRequests()).toBeGreaterThan(asked);
});
