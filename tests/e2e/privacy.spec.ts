// What leaves the device: only candidate names and the titles they resolve to, never the page's
// prose; and twenty tabs on one article ask about each name once.
import { expect, test, type FixtureServer } from './fixtures';
// @ts-expect-error: plain JavaScript shared with the demo.
import { hoverMention, waitForMarks } from '../../scripts/hover.mjs';

const ARTICLE = '/pages/myanmar-junta.html';
/** Longest name a request may carry, in words ("Association of Southeast Asian Nations"). */
const MAX_NAME_WORDS = 6;

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every run of `size` consecutive words in `text`. */
function shingles(text: string, size: number): Set<string> {
  const list = words(text);
  const found = new Set<string>();
  for (let at = 0; at + size <= list.length; at += 1)
    found.add(list.slice(at, at + size).join(' '));
  return found;
}

/** What each request to the stand-in APIs carried: its path and query values, decoded. */
function payloads(server: FixtureServer): string[] {
  return server.requests
    .filter(
      (request) => !request.path.startsWith('/pages/') && !request.path.startsWith('/images/'),
    )
    .map((request) => {
      const values = [...new URLSearchParams(request.query).values()];
      return [decodeURIComponent(request.path), ...values].join('\n');
    });
}

test('requests carry the names Gloss found, never the text around them', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  const outside: string[] = [];
  // Everything but the stand-in server is refused; Gloss's own card page is no network request.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:).*/, (route) => {
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  // Open a card too: its facts and articles are fetched by the entity's title.
  await hoverMention(page, 'ASEAN');
  await page.waitForTimeout(500);

  const text = await page.evaluate(() => document.body.innerText);
  const prose = shingles(text, MAX_NAME_WORDS + 1);
  expect(prose.size).toBeGreaterThan(200);
  const sent = payloads(server);
  expect(sent.length).toBeGreaterThan(0);
  for (const payload of sent) {
    const leaked = [...shingles(payload, MAX_NAME_WORDS + 1)].filter((run) => prose.has(run));
    expect(leaked, `request carried page text:\n${payload}`).toEqual([]);
  }
  // Titles asked about are names, one by one.
  const titles = server.requests.flatMap((request) =>
    (new URLSearchParams(request.query).get('titles') ?? '').split('|').filter(Boolean),
  );
  expect(titles.length).toBeGreaterThan(3);
  for (const title of titles) expect(words(title).length).toBeLessThanOrEqual(MAX_NAME_WORDS);
  expect(outside).toEqual([]);
});

test('twenty tabs opening one article at once ask about each name once', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const pages = await Promise.all(Array.from({ length: 20 }, () => context.newPage()));
  await Promise.all(pages.map((page) => page.goto(server.origin + ARTICLE)));
  await Promise.all(pages.map((page) => waitForMarks(page, 30_000)));
  // Every tab marks the same names.
  const counts = await Promise.all(
    pages.map((page) =>
      page.evaluate(() =>
        Array.from(CSS.highlights.values()).reduce((sum, highlight) => sum + highlight.size, 0),
      ),
    ),
  );
  expect(new Set(counts).size).toBe(1);

  const asked = new Map<string, number>();
  for (const request of server.requests) {
    const titles = new URLSearchParams(request.query).get('titles');
    for (const title of titles?.split('|') ?? []) asked.set(title, (asked.get(title) ?? 0) + 1);
  }
  expect(asked.size).toBeGreaterThan(3);
  const repeated = [...asked].filter(([, times]) => times > 1);
  expect(repeated).toEqual([]);
});
