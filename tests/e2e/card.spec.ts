import type { Locator, Page } from '@playwright/test';
import { expect, test, untilGdeltAsked, untilQuiet } from './fixtures';
import { cardIn, hoverMention, markedMentions, waitForMarks } from '../../scripts/hover';

const ARTICLE = '/pages/myanmar-junta.html';
const card = (page: Page): Locator => cardIn(page);
const marked = async (page: Page): Promise<string[]> =>
  ((await markedMentions(page)) as Array<{ text: string }>).map((mention) => mention.text);

test('marks the names on the article without changing its DOM', async ({ launch, server }) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);

  const names = await marked(page);
  for (const name of [
    'ASEAN',
    'Min Aung Hlaing',
    'Aung San Suu Kyi',
    'National League for Democracy',
  ]) {
    expect(names).toContain(name);
  }
  // A title stays outside the name; a sentence opening is no name.
  expect(names).not.toContain('Senior General Min Aung Hlaing');
  expect(names).not.toContain('Fighting');

  // The marks are highlights: the page's body has exactly the elements its HTML describes.
  const elements = await page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const original = new DOMParser().parseFromString(source, 'text/html');
    return {
      now: document.body.querySelectorAll('*').length,
      original: original.body.querySelectorAll('*').length,
    };
  });
  expect(elements.now).toBe(elements.original);
});

test('a hover shows the card, and later hovers are served from IndexedDB', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);

  await hoverMention(page, 'Aung San Suu Kyi');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('Aung San Suu Kyi');
  await expect(card(page)).toContainText('Burmese politician and Nobel Peace Prize laureate');
  await expect(card(page)).toContainText('awarded the Nobel Peace Prize in 1991');
  await expect(card(page).getByRole('link', { name: 'Read on Wikipedia' })).toHaveAttribute(
    'href',
    'https://en.wikipedia.org/wiki/Aung_San_Suu_Kyi',
  );
  // Key facts from Wikidata, chosen for a person.
  const facts = card(page).getByRole('definition');
  await expect(card(page).getByRole('term')).toHaveText(['Born', 'Citizenship', 'Last position']);
  await expect(facts).toHaveText([
    '19 June 1945',
    'Myanmar',
    'State Counsellor of Myanmar (2016–2021)',
  ]);
  await expect(card(page).getByRole('link', { name: 'Wikidata' })).toHaveAttribute(
    'href',
    'https://www.wikidata.org/wiki/Q36740',
  );
  await expect(card(page).locator('img.thumbnail')).toHaveAttribute(
    'src',
    `${server.origin}/images/portrait-assk.svg`,
  );

  await expect(
    card(page).getByRole('region', { name: 'Latest articles' }).getByRole('listitem'),
  ).toHaveCount(3);

  // Leaving both the name and the card closes it.
  await page.mouse.move(5, 5);
  await expect(card(page)).toHaveCount(0);

  // Its news line is asked for in its turn at GDELT, after every card's latest articles.
  await untilGdeltAsked(server, 'timelinevolinfo', 1);
  await untilQuiet(server);
  const asked = server.apiRequests();
  expect(server.summaryRequests()).toBe(1);
  await page.reload();
  await hoverMention(page, 'Aung San Suu Kyi');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('Aung San Suu Kyi');
  // Neither the page's names nor the card were asked about again.
  expect(server.apiRequests()).toBe(asked);

  // A new name's card is fetched once (its summary, its statements and their labels, its latest
  // articles, and its month of coverage with each day's top articles), then it too comes from
  // IndexedDB.
  await hoverMention(page, 'ASEAN');
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText('ASEAN');
  await expect(card(page).getByRole('term')).toHaveText(['Founded', 'Headquarters', 'Members']);
  // The latest stories, newest first, each told once (a syndicated copy, a paraphrase and a
  // French telling join theirs), the hostile entry left out.
  const articles = card(page)
    .getByRole('region', { name: 'Latest articles' })
    .getByRole('listitem');
  await expect(articles).toHaveCount(3);
  await expect(articles.locator('> a')).toHaveText([
    'ASEAN envoy heads to Naypyidaw as ceasefire talks stall',
    "ASEAN ministers weigh next steps on Myanmar's peace plan",
    'Trade, not politics, tops the agenda as ASEAN leaders meet',
  ]);
  await expect(articles.first()).toContainText(/asia-desk\.example · (Nov 27|27 Nov) · Singapore/);
  await expect(articles.first()).toContainText(
    'Also told by mekong-post.example · Singapore, Cambodia',
  );
  await expect(articles.nth(1)).toContainText('Also told by regional-herald.example');
  await expect(articles.nth(2)).toContainText(
    'Also told by journal-asie.example · Indonesia, France · English, French',
  );
  await expect(articles.nth(2).getByRole('link', { name: 'journal-asie.example' })).toHaveAttribute(
    'href',
    'https://journal-asie.example/asean-commerce-politique',
  );
  // The news line comes when GDELT's turn comes, in the card that is open.
  await expect(card(page).locator('figcaption')).toHaveText(
    ['Wikipedia readers', 'News coverage'],
    {
      timeout: 20_000,
    },
  );
  await untilQuiet(server);
  expect(server.apiRequests()).toBe(asked + 5);
  await page.mouse.move(5, 5);
  await hoverMention(page, 'ASEAN');
  await expect(card(page).getByRole('term')).toHaveText(['Founded', 'Headquarters', 'Members']);
  await expect(articles).toHaveCount(3);
  await expect(card(page).locator('figcaption')).toHaveText(['Wikipedia readers', 'News coverage']);
  expect(server.apiRequests()).toBe(asked + 5);
});

test('after a browser restart the card still comes with no request', async ({ launch, server }) => {
  const first = await launch();
  const page = await first.context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'Min Aung Hlaing');
  await untilGdeltAsked(server, 'timelinevolinfo', 1);
  await untilQuiet(server);
  await first.context.close();
  const asked = server.apiRequests();

  const second = await launch();
  const again = await second.context.newPage();
  await again.goto(server.origin + ARTICLE);
  await hoverMention(again, 'Min Aung Hlaing');
  await expect(card(again).getByRole('heading', { level: 2 })).toHaveText('Min Aung Hlaing');
  expect(server.apiRequests()).toBe(asked);
});

test('the pointer can move into the card, and Esc closes it', async ({ launch, server }) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'National League for Democracy');

  const box = (await card(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.waitForTimeout(800); // longer than the close delay: the card must stay
  await expect(card(page)).toBeVisible();
  await expect(card(page).getByRole('heading', { level: 2 })).toHaveText(
    'National League for Democracy',
  );

  await page.keyboard.press('Escape');
  await expect(card(page)).toHaveCount(0);
});

test('the popup and the options page render', async ({ launch, server }) => {
  const { context, extensionId } = await launch();
  const article = await context.newPage();
  await article.goto(server.origin + ARTICLE);
  await hoverMention(article, 'ASEAN');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Gloss' })).toBeVisible();
  // The popup opens ready to type.
  await expect(popup.getByRole('combobox', { name: /Look up/ })).toBeFocused();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Gloss settings' })).toBeVisible();
  await expect(
    options.getByText(/^The text of the pages you read stays on your device/),
  ).toBeVisible();
  // The card seen above is counted in the cache.
  await expect(options.getByText(/^The cache holds 1 card,/)).toBeVisible();
});

test('on a right-to-left page the card lines up with the name’s start, and keeps its own direction', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/rtl-brief.html`);
  await hoverMention(page, 'ASEAN');
  const { box: line } = (await markedMentions(page)).find(({ text }) => text === 'ASEAN')!;
  const mention = { right: line.left + line.width, bottom: line.top + line.height };
  const box = (await card(page).boundingBox())!;
  expect(Math.abs(box.x + box.width - mention.right)).toBeLessThanOrEqual(1);
  expect(box.y).toBeGreaterThanOrEqual(mention.bottom);
  // The English summary reads left to right inside the Hebrew page.
  await expect(card(page)).toHaveAttribute('dir', 'ltr');
  expect(await card(page).evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
});
