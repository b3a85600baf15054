// "Don't mark this name": from a card, on this site or on any; undone from the options page.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import * as hover from '../../scripts/hover';

const { cardIn, cardShown, hoverMention, markedMentions, waitForMarks } = hover;
const ARTICLE = '/pages/myanmar-junta.html';

const markedTexts = async (page: Page): Promise<string[]> =>
  ((await markedMentions(page)) as Array<{ text: string }>).map((mark) => mark.text);

/** The page's marks once the names Wikipedia was asked about are in too. */
async function settledMarks(page: Page): Promise<string[]> {
  await waitForMarks(page);
  await expect.poll(() => markedTexts(page)).toContain('Min Aung Hlaing');
  await page.waitForTimeout(500);
  return markedTexts(page);
}

test('a name the reader unmarks from its card is marked no more on that site, until they undo it', async ({
  launch,
  server,
}) => {
  const { context, extensionId } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  expect(await settledMarks(page)).toContain('ASEAN');

  await hoverMention(page, 'ASEAN');
  const card = cardIn(page);
  await card.getByText('Don’t mark “ASEAN”').click();
  await card.getByRole('button', { name: 'On this site' }).click();
  // Its marks go at once, the card closes, and the other names stay.
  await expect.poll(() => cardShown(page)).toBe(false);
  await expect.poll(() => markedTexts(page)).not.toContain('ASEAN');
  expect(await markedTexts(page)).toContain('Min Aung Hlaing');

  // On the next visit it is neither marked nor asked about.
  const asked = server.requests.length;
  await page.reload();
  const after = await settledMarks(page);
  expect(after).not.toContain('ASEAN');
  expect(after).toContain('Myanmar');
  expect(
    server.requests
      .slice(asked)
      .some((request) => decodeURIComponent(request.query).includes('ASEAN')),
  ).toBe(false);

  // The options page lists it, and marks it again.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const list = options.getByRole('list', { name: 'Names Gloss does not mark' });
  await expect(list).toContainText('asean');
  await expect(list).toContainText('on 127.0.0.1');
  await options.getByRole('button', { name: 'Mark asean again on 127.0.0.1' }).click();
  await expect(options.getByText('No names.', { exact: false })).toBeVisible();
  await page.reload();
  await expect.poll(() => markedTexts(page)).toContain('ASEAN');
});

test('"Not this?" puts the right entity on a name, for this site, from then on', async ({
  launch,
  server,
}) => {
  const { context, extensionId } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await settledMarks(page);
  await hoverMention(page, 'China');
  const card = cardIn(page);
  await expect(card.locator('.title')).toHaveText('China');
  await card.getByRole('button', { name: 'Not this?' }).click();
  // A search, begun with the name as the page writes it; the reader looks for what it means. The
  // card stays while they type, wherever the pointer goes.
  await page.mouse.move(5, 5, { steps: 5 });
  await page.waitForTimeout(800);
  expect(await cardShown(page)).toBe(true);
  const search = card.getByRole('combobox', { name: 'Search for what “China” means' });
  await expect(search).toHaveValue('China');
  await search.fill('Russia');
  await card.getByRole('option', { name: /^Russia/ }).click();
  await expect(card.locator('.title')).toHaveText('Russia');

  // On the next visit the name means it from the start. (The pointer leaves the card by way of
  // the page, as a hand does: the card may have changed size under it.)
  await page.mouse.move(5, 5, { steps: 5 });
  await expect.poll(() => cardShown(page)).toBe(false);
  await page.reload();
  await settledMarks(page);
  await hoverMention(page, 'China');
  await expect(cardIn(page).locator('.title')).toHaveText('Russia');

  // The options page lists the choice, and forgets it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const list = options.getByRole('list', { name: 'Meanings you chose' });
  await expect(list).toContainText('“china” means Russia');
  await options
    .getByRole('button', { name: 'Forget that china means Russia on 127.0.0.1' })
    .click();
  await expect(list).toHaveCount(0);
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await page.reload();
  await settledMarks(page);
  await hoverMention(page, 'China');
  await expect(cardIn(page).locator('.title')).toHaveText('China');
});
