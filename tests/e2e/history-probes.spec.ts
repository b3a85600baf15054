// A hostile page probing what the reader read elsewhere, written as its author would: it shows
// names, and times when (and whether) Gloss marks them. What it sees must not depend on the
// reader's reading on other sites, and reloading itself must buy it no more look-ups.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, untilGdeltAsked, untilQuiet } from './fixtures';
import {
  cardFrame,
  cardIn,
  hoverMention,
  markedMentions,
  waitForCardSettled,
  waitForMarks,
} from '../../scripts/hover';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

const ARTICLE = '/pages/myanmar-junta.html';
/** Wikipedia's answers take this long, so a name answered from a cache would stand out. */
const LATENCY_MS = 300;

/**
 * The probe: its own script looks for marks in every frame (it finds none: Gloss draws where it
 * cannot read), while the test watches what Gloss marked, as the strongest observer would.
 */
const PROBE = `<!doctype html><html lang="en"><head><title>Probe</title></head><body>
<p>Welcome to this page.</p>
<script>
  window.seenByPage = [];
  (function watch() {
    for (const highlight of CSS.highlights.values())
      for (const range of highlight) window.seenByPage.push(String(range.startContainer.data));
    requestAnimationFrame(watch);
  })();
  window.show = (text) => {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    document.body.append(paragraph);
  };
</script></body></html>`;

/** Made-up names, distinct and spelt like names, for a page that spends its look-ups. */
const madeUpNames = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => {
    const word = (index + from)
      .toString(26)
      .replace(/./g, (c) => 'abcdefghijklmnopqrstuvwxyz'[parseInt(c, 26)]!);
    return `Then Zorv${word} Quillan${word} spoke.`;
  }).join(' ');

/** Serves the probe on another site of the same machine (localhost, not 127.0.0.1). */
async function probeSite(context: BrowserContext, server: FixtureServer): Promise<string> {
  const origin = server.origin.replace('127.0.0.1', 'localhost');
  await context.route(`${origin}/probe*`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: PROBE }),
  );
  return origin;
}

/** When each name was first marked on `page` (polled, from Gloss's own list), until it closes. */
function watchMarks(page: Page): Record<string, number> {
  const markedAt: Record<string, number> = {};
  void (async () => {
    while (!page.isClosed()) {
      const marks = await markedMentions(page).catch(() => []);
      for (const mark of marks) markedAt[mark.text] ??= Date.now();
      await page.waitForTimeout(25).catch(() => {});
    }
  })();
  return markedAt;
}

const seenByPage = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenByPage: string[] }).seenByPage);

/** The titles the stand-in Wikipedia was asked about, one entry per title per request. */
const titlesAsked = (server: FixtureServer) =>
  server.requests.flatMap((request) =>
    (new URLSearchParams(request.query).get('titles') ?? '').split('|').filter(Boolean),
  );

let slow: FixtureServer;
test.beforeEach(async () => {
  slow = await startFixtureServer({ latencyMs: LATENCY_MS });
});
test.afterEach(() => slow.close());

test('a page cannot tell a name the reader read about elsewhere from one never met', async ({
  launch,
}) => {
  const { context } = await launch({ wikipediaOrigin: slow.origin });
  // The reader reads about Min Aung Hlaing on a news site.
  const reading = await context.newPage();
  await reading.goto(slow.origin + ARTICLE);
  await expect
    .poll(async () => (await markedMentions(reading)).map((mention) => mention.text))
    .toContain('Min Aung Hlaing');
  await reading.close();

  // Later, another site shows that name beside one the reader never met, and times both.
  const origin = await probeSite(context, slow);
  const probe = await context.newPage();
  await probe.goto(`${origin}/probe`);
  const markedAt = watchMarks(probe);
  const before = titlesAsked(slow).length;
  await probe.evaluate(() =>
    (window as unknown as { show(text: string): void }).show(
      'Min Aung Hlaing later met Sergei Shoigu.',
    ),
  );
  await expect
    .poll(() => Object.keys(markedAt).sort(), { timeout: 10_000 })
    .toEqual(['Min Aung Hlaing', 'Sergei Shoigu']);
  const times = { ...markedAt };
  // Both waited for the same answer from Wikipedia: neither came from what the reader read.
  expect(Math.abs(times['Min Aung Hlaing']! - times['Sergei Shoigu']!)).toBeLessThan(
    LATENCY_MS / 2,
  );
  expect(titlesAsked(slow).slice(before)).toContain('Min Aung Hlaing');

  // With its look-ups spent, the page still sees no difference between the two kinds of name.
  await probe.evaluate(
    (text) => (window as unknown as { show(text: string): void }).show(text),
    madeUpNames(220),
  );
  await expect
    .poll(() => titlesAsked(slow).length - before, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(200);
  // A moment later it has earned a few look-ups back, as any page that grows does.
  await probe.waitForTimeout(1500);
  await probe.evaluate(() =>
    (window as unknown as { show(text: string): void }).show('Moscow hosted Karen State envoys.'),
  );
  await expect
    .poll(() => Object.keys(markedAt), { timeout: 15_000 })
    .toEqual(expect.arrayContaining(['Moscow', 'Karen State']));
  expect(Math.abs(markedAt['Moscow']! - markedAt['Karen State']!)).toBeLessThan(LATENCY_MS / 2);
  // And the page itself found no mark to time at all.
  expect(await seenByPage(probe)).toEqual([]);
});

test('a page that reloads itself gets no new look-ups for it', async ({ launch }) => {
  const { context } = await launch({ wikipediaOrigin: slow.origin });
  const origin = await probeSite(context, slow);
  const probe = await context.newPage();
  const started = Date.now();
  for (let load = 0; load < 4; load += 1) {
    await probe.goto(`${origin}/probe?load=${load}`);
    const asked = titlesAsked(slow).length;
    await probe.evaluate(
      (text) => (window as unknown as { show(text: string): void }).show(text),
      madeUpNames(150, load * 150),
    );
    // Each load waits until Gloss has asked what it will ask of this load's names.
    await expect.poll(() => titlesAsked(slow).length, { timeout: 10_000 }).toBeGreaterThan(asked);
    await probe.waitForTimeout(LATENCY_MS * 2);
  }
  // 600 new names over four loads: one budget (200), and what it earned back meanwhile.
  const earned = (Date.now() - started) / 400;
  expect(titlesAsked(slow).length).toBeLessThanOrEqual(200 + earned + 10);
});

test("a card's size tells the page nothing of the reader's reading or follows", async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  /** The card's frame as the page can measure it (by hit-testing around it), once it is whole. */
  const cardBox = async () => {
    await page.goto(server.origin + ARTICLE);
    await hoverMention(page, 'ASEAN');
    await expect(cardIn(page).getByRole('region', { name: 'Latest articles' })).toBeVisible();
    await untilQuiet(server, 600);
    await waitForCardSettled(page);
    const box = (await (
      await cardFrame(page)
    )
      .frameElement()
      .then((frame) => frame.boundingBox()))!;
    return { width: box.width, height: box.height };
  };
  // GDELT's news line for ASEAN is had first, so both looks have every public part.
  await cardBox();
  await untilGdeltAsked(server, 'timelinevolinfo', 1);
  const stranger = await cardBox();

  // The reader reads another page about ASEAN, and follows it.
  await page.goto(server.origin + '/pages/asean-summit.html');
  await waitForMarks(page);
  await page.waitForTimeout(300);
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  // A reader sees the card before clicking in it (Gloss takes a click only on a card in view).
  await waitForCardSettled(page);
  await page.waitForTimeout(300);
  await cardIn(page).getByRole('button', { name: 'Subscribe' }).click();
  await expect(cardIn(page).getByRole('button', { name: 'Subscribed' })).toBeVisible();

  expect(await cardBox()).toEqual(stranger);
});
