// What leaves the device: only candidate names and the titles they resolve to, never the page's
// prose; and twenty tabs on one article ask about each name once.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, storedCounts, test, type FixtureServer } from './fixtures';
import { hoverMention, markCount, waitForMarks } from '../../scripts/hover';

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
  const counts = await Promise.all(pages.map((page) => markCount(page)));
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

/** Waits until the stand-in has had no new request for a second. */
async function untilQuiet(server: FixtureServer) {
  let seen = -1;
  while (server.requests.length !== seen) {
    seen = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

test('a private window leaves nothing behind: no pages noted, no names learnt', async ({
  launch,
  server,
  profileDir,
}) => {
  // Gloss allowed in private windows, as a reader allows it on the extensions page.
  const first = await launch();
  await first.context.close();
  const preferences = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(preferences, 'utf8'));
  prefs.extensions.settings[first.extensionId].incognito = true;
  writeFileSync(preferences, JSON.stringify(prefs));

  const { context, worker } = await launch();
  const before = await storedCounts(worker);
  const asked = server.apiRequests();
  const window = await worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        extension: { isAllowedIncognitoAccess(): Promise<boolean> };
        windows: { create(options: object): Promise<{ incognito: boolean }> };
      };
    };
    if (!(await chrome.extension.isAllowedIncognitoAccess())) return { incognito: false };
    return chrome.windows.create({ incognito: true, url });
  }, server.origin + ARTICLE);
  expect(window.incognito).toBe(true);
  await untilQuiet(server);
  // Gloss read the page there (its names were looked up)…
  expect(server.apiRequests()).toBeGreaterThan(asked);
  // …and wrote none of it down.
  expect(await storedCounts(worker)).toEqual(before);

  // The same article in a normal window is remembered: the check above would have seen it.
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await waitForMarks(page);
  await untilQuiet(server);
  const after = await storedCounts(worker);
  expect(after.readings).toBeGreaterThan(before.readings);
  expect(after.learnt).toBeGreaterThan(before.learnt);
});
