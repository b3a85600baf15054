// A page's names are looked up on its own language's Wikipedia, and their cards shown in the
// reader's: here the stand-in answers as the English and the French Wikipedias, and as Wikidata.
import type { BrowserContext } from '@playwright/test';
import { expect, test, type FixtureServer } from './fixtures';
import { cardIn, hoverMention, markedMentions, waitForMarks } from '../../scripts/hover';

const FRENCH = `
<h1>La junte birmane refuse de négocier</h1>
<p>La Birmanie reste aux mains de l'armée. Selon le général Aung Lin Dwe, la junte ne
négociera pas avec l'opposition, malgré la demande de l'ASEAN, réunie cette semaine à Jakarta.</p>
<p>Les diplomates rappellent que Aung San Suu Kyi est toujours détenue.</p>`;

const GERMAN = `
<h1>Die Lage in Myanmar</h1>
<p>Die Regierung in Myanmar hat am Montag neue Gespräche angekündigt. Die Opposition und die
Vereinten Nationen fordern seit Monaten Verhandlungen. Nach Angaben der Behörden wurden Straßen
gesperrt, und viele Menschen verließen ihre Dörfer. Die Armee bestreitet jede Verantwortung für
die Angriffe auf Schulen und Krankenhäuser.</p>`;

/** Serves `body` at `path` as a page in `lang`. */
async function serve(
  context: BrowserContext,
  server: FixtureServer,
  path: string,
  lang: string,
  body: string,
) {
  const url = `${server.origin}${path}`;
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="${lang}"><head><title>${path}</title></head><body>${body}</body></html>`,
    }),
  );
  return url;
}

/** The titles each wiki of the stand-in was asked about. */
const askedOn = (server: FixtureServer, wiki: string) =>
  server.requests
    .filter((request) => request.wiki === wiki)
    .flatMap((request) =>
      (new URLSearchParams(request.query).get('titles') ?? '').split('|').filter(Boolean),
    );

test("a French page's name gets the English card, with the French article named in its footer", async ({
  launch,
  server,
}) => {
  const { context } = await launch({ wikipediaOrigin: `${server.origin}/{lang}` });
  const page = await context.newPage();
  await page.goto(await serve(context, server, '/monde/birmanie.html', 'fr', FRENCH));
  await waitForMarks(page);

  await hoverMention(page, 'Birmanie');
  const card = cardIn(page);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Myanmar');
  await expect(card.getByRole('link', { name: 'Read on Wikipedia' })).toHaveAttribute(
    'href',
    'https://en.wikipedia.org/wiki/Myanmar',
  );
  await expect(card.getByRole('link', { name: 'Birmanie (French Wikipedia)' })).toHaveAttribute(
    'href',
    'https://fr.wikipedia.org/wiki/Birmanie',
  );
  await expect(card.locator('.note')).toHaveCount(0);
  // Looked up on the French Wikipedia; the English one was asked for the card alone.
  expect(askedOn(server, 'fr')).toEqual(expect.arrayContaining(['Birmanie', 'ASEAN']));
  expect(askedOn(server, 'en')).toEqual([]);
});

test("a name the card language has no article on shows the page language's card, saying so", async ({
  launch,
  server,
}) => {
  const { context } = await launch({ wikipediaOrigin: `${server.origin}/{lang}` });
  const page = await context.newPage();
  await page.goto(await serve(context, server, '/monde/junte.html', 'fr', FRENCH));
  await waitForMarks(page);

  await hoverMention(page, 'Aung Lin Dwe');
  const card = cardIn(page);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Aung Lin Dwe');
  await expect(card).toContainText('général birman');
  await expect(card.locator('.note')).toHaveText(
    'From French Wikipedia: there is no article on it in your card language.',
  );
  await expect(card.getByRole('link', { name: 'Read on Wikipedia' })).toHaveAttribute(
    'href',
    'https://fr.wikipedia.org/wiki/Aung_Lin_Dwe',
  );
});

test('an entity read of in two languages is one: the English card lists the French page', async ({
  launch,
  server,
}) => {
  const { context } = await launch({ wikipediaOrigin: `${server.origin}/{lang}` });
  const page = await context.newPage();
  await page.goto(await serve(context, server, '/monde/asean.html', 'fr', FRENCH));
  await waitForMarks(page);
  await expect
    .poll(async () => ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text))
    .toEqual(expect.arrayContaining(['Birmanie']));

  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await hoverMention(page, 'Myanmar');
  const reading = cardIn(page).getByRole('region', { name: 'In your reading' });
  await reading.getByRole('button', { name: 'In your reading' }).click();
  await expect(reading.getByRole('link', { name: '/monde/asean.html' })).toBeVisible();
});

test('a German page gets no mark, and asks nothing, for its ordinary capitalised nouns', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(await serve(context, server, '/welt/myanmar.html', 'de', GERMAN));
  await waitForMarks(page);
  await expect
    .poll(async () => ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text))
    .toEqual(expect.arrayContaining(['Myanmar']));
  const marked = ((await markedMentions(page)) as Array<{ text: string }>).map((m) => m.text);
  const asked = askedOn(server, 'en');
  for (const noun of ['Regierung', 'Opposition', 'Gespräche', 'Straßen', 'Armee', 'Schulen']) {
    expect(marked).not.toContain(noun);
    expect(asked).not.toContain(noun);
  }
});

test("the card language chosen on the options page shows an English page's names in French", async ({
  launch,
  server,
}) => {
  const { context, extensionId } = await launch({ wikipediaOrigin: `${server.origin}/{lang}` });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const language = options.getByRole('combobox', { name: 'Card language' });
  // Until the reader chooses, cards follow the browser's language.
  await expect(language.locator('option:checked')).toHaveText("My browser's language (English)");
  await language.selectOption('fr');
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await hoverMention(page, 'ASEAN');
  const card = cardIn(page);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(
    "Association des nations de l'Asie du Sud-Est",
  );
  await expect(card.getByRole('link', { name: 'ASEAN (English Wikipedia)' })).toHaveAttribute(
    'href',
    'https://en.wikipedia.org/wiki/ASEAN',
  );
  // News is still asked for by the English name: GDELT searches in English.
  const asked = server.requests
    .filter((request) => request.path === '/api/v2/doc/doc')
    .map((request) => new URLSearchParams(request.query).get('query'));
  expect(asked.length).toBeGreaterThan(0);
  expect(new Set(asked)).toEqual(new Set(['"ASEAN"']));
});
