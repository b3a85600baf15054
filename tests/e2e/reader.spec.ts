import type { Locator, Page } from '@playwright/test';
import { expect, setSettings, test } from './fixtures';
import { cardIn, hoverMention, markedMentions, markPaint, waitForMarks } from '../../scripts/hover';

const ARTICLE = '/pages/myanmar-junta.html';
const SUMMIT = '/pages/asean-summit.html';
const card = (page: Page): Locator => cardIn(page);
const heading = (page: Page) => card(page).getByRole('heading', { level: 2 });

/** Moves the pointer away and waits for the open card to close. */
async function leaveCard(page: Page) {
  await page.mouse.move(5, 5);
  await expect(card(page)).toHaveCount(0);
}

test('an ambiguous name offers its meanings, and the choice holds on that site', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);

  // "NLD" has several meanings, but this page names the party it abbreviates.
  await hoverMention(page, 'NLD');
  await expect(heading(page)).toHaveText('National League for Democracy');
  await leaveCard(page);

  await hoverMention(page, 'Karen');
  await expect(card(page)).toContainText('This name has several meanings. Did you mean…');
  const choices = card(page).getByRole('button');
  await expect(choices.first()).toContainText('Karen people');
  await expect(card(page).getByRole('button', { name: /Karen State/ })).toContainText(
    'State of Myanmar',
  );
  await card(page)
    .getByRole('button', { name: /Karen State/ })
    .click();
  await expect(heading(page)).toHaveText('Karen State');
  await expect(card(page)).toContainText('officially Kayin State');

  // After a reload, the name on this site means what the reader chose.
  await page.reload();
  await hoverMention(page, 'Karen');
  await expect(heading(page)).toHaveText('Karen State');
});

test('Subscribe stores the wish, which holds after the browser restarts', async ({
  launch,
  server,
}) => {
  const first = await launch();
  const page = await first.context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  const toggle = card(page).getByRole('button', { name: 'Subscribe' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(card(page).getByRole('button', { name: 'Subscribed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // A followed name is drawn like every other (the card says it is followed): no style of its
  // own tells the page, or someone looking over the reader's shoulder, what the reader follows.
  await page.mouse.move(3, 3);
  const paint = async (on: Page, name: string) => {
    const mark = (await markedMentions(on)).find((candidate) => candidate.text === name)!;
    return (await markPaint(on, mark.box)).colour;
  };
  const followed = (await paint(page, 'ASEAN'))!;
  const other = (await paint(page, 'Myanmar'))!;
  expect(followed).toBeDefined();
  for (const channel of [0, 1, 2])
    expect(Math.abs(followed[channel]! - other[channel]!)).toBeLessThan(16);
  await page.waitForTimeout(300);
  await first.context.close();

  const second = await launch();
  const again = await second.context.newPage();
  await again.goto(server.origin + ARTICLE);
  await hoverMention(again, 'ASEAN');
  await expect(card(again).getByRole('button', { name: 'Subscribed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // And it can be undone.
  await card(again).getByRole('button', { name: 'Subscribed' }).click();
  await expect(card(again).getByRole('button', { name: 'Subscribe' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

test('"In your reading" lists an earlier page with the entity, unless turned off', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + SUMMIT);
  await waitForMarks(page);
  await page.waitForTimeout(300);
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  const reading = card(page).getByRole('region', { name: 'In your reading' });
  // Folded until the reader opens it.
  await expect(reading.getByRole('link')).toHaveCount(0);
  await reading.getByRole('button', { name: 'In your reading' }).click();
  await expect(reading.getByRole('link')).toHaveText(['ASEAN leaders gather for a tense summit']);
  await expect(reading.getByRole('link')).toHaveAttribute('href', server.origin + SUMMIT);
  await leaveCard(page);

  await setSettings(worker, { rememberReading: false });
  await page.reload();
  await hoverMention(page, 'ASEAN');
  await expect(card(page).getByRole('region', { name: 'Latest articles' })).toBeVisible();
  const off = card(page).getByRole('region', { name: 'In your reading' });
  await off.getByRole('button', { name: 'In your reading' }).click();
  await expect(off).toContainText('Gloss keeps no record of your reading');
  await expect(off.getByRole('link')).toHaveCount(0);
});

test('the reader’s own feed adds its articles about the entity, safely', async ({
  launch,
  server,
}) => {
  const { context, worker } = await launch();
  await setSettings(worker, { feeds: [`${server.origin}/feeds/asia-desk.rss`] });
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'Min Aung Hlaing');
  const latest = card(page).getByRole('region', { name: 'Latest articles' });
  // A relative link in the feed is resolved against the feed's own address.
  await expect(latest.getByRole('link', { name: /visits Moscow/ })).toHaveAttribute(
    'href',
    `${server.origin}/min-aung-hlaing-moscow`,
  );
  // Markup in the feed's titles is text, and no link runs code.
  await expect(latest).toContainText('Min Aung Hlaing visits Moscow & Naypyidaw replies');
  const hrefs = await latest
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.every((href) => /^https?:\/\//.test(href))).toBe(true);
  expect(await card(page).locator('b, img:not(.thumbnail)').count()).toBe(0);
});
