// A reader's eight cards against news sources as they really are: the stand-in keeps GDELT's
// published limit (one request per 5 s, else 429 and a plea) and answers after GDELT_LATENCY_MS;
// in the shedding scenario half of GDELT's requests are refused after 13 s, as its users report.
// The reader rests on 8 names of the article, reads each card for 4 s, and pauses 2 s between.
// For each card: whether and when (ms after it opened) its latest articles and each line showed
// while it was open, and what it said of a source it had nothing from when it closed.
import type { Frame, Page } from '@playwright/test';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../core/settings';
import { startFixtureServer, type FixtureServerOptions } from '../../tests/fixtures/server';
import { withFreshGloss } from '../browser';
import { cardFrame, findMention, markedMentions, waitForMarks } from '../hover';

/** How long the stand-in GDELT takes to answer a request it does not refuse. */
export const GDELT_LATENCY_MS = 1500;
/** How long the stand-in Google News takes to answer a search (it has no published limit). */
export const GOOGLE_NEWS_LATENCY_MS = 600;
/** The replay: cards read, how long each, and the pause between. */
const CARDS = 8;
const READ_MS = 4000;
const PAUSE_MS = 2000;

export interface NewsScenario {
  name: string;
  server: FixtureServerOptions;
  settings?: Partial<Settings>;
}

/** GDELT alone (the default), then with Google News turned on beside it. */
export const NEWS_SCENARIOS: NewsScenario[] = [
  { name: 'published limit', server: {} },
  { name: 'published limit, with Google News', server: {}, settings: { useGoogleNews: true } },
  { name: 'load shedding (half)', server: { gdeltShed: (n) => n % 2 === 0 } },
  {
    name: 'load shedding, with Google News',
    server: { gdeltShed: (n) => n % 2 === 0 },
    settings: { useGoogleNews: true },
  },
];

/** What one card showed while it was open. */
export interface CardNews {
  name: string;
  /** Ms after the card opened that each showed; undefined when it never did while open. */
  articlesMs?: number;
  attentionMs?: number;
  newsLineMs?: number;
  /** What the card said of its news when it closed without articles, or of a source still missing. */
  notes: string[];
}

export interface NewsFigures {
  scenario: string;
  cards: CardNews[];
  gdeltAsked: number;
  gdeltRefused: number;
  gdeltShed: number;
}

/** What the card frame shows now: articles, each line, and the notes on its sources. */
function cardNow(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.getElementById('card')?.shadowRoot;
    const captions = Array.from(
      root?.querySelectorAll('figcaption') ?? [],
      (node) => node.textContent,
    );
    return {
      articles: (root?.querySelectorAll('.related li').length ?? 0) > 0,
      attention: captions.includes('Wikipedia readers'),
      newsLine: captions.includes('News coverage'),
      notes: Array.from(
        root?.querySelectorAll('.related-note') ?? [],
        (node) => node.textContent ?? '',
      ),
    };
  });
}

/** Rests the pointer on the name and watches its card for `READ_MS`. */
async function readCard(page: Page, name: string) {
  const mention = await findMention(page, name);
  if ('missing' in mention) throw new Error(`"${name}" is no longer marked`);
  await page.mouse.move(mention.x - 40, mention.y - 40);
  await page.mouse.move(mention.x, mention.y, { steps: 4 });
  const frame = await cardFrame(page);
  await frame.locator('.card').waitFor({ timeout: 10_000 });
  const opened = Date.now();
  const card: CardNews = { name: mention.text, notes: [] };
  let last = await cardNow(frame);
  while (Date.now() - opened < READ_MS) {
    last = await cardNow(frame);
    const at = Date.now() - opened;
    if (last.articles) card.articlesMs ??= at;
    if (last.attention) card.attentionMs ??= at;
    if (last.newsLine) card.newsLineMs ??= at;
    await page.waitForTimeout(100);
  }
  card.notes = last.notes;
  await page.mouse.move(2, 2);
  await page.waitForTimeout(PAUSE_MS);
  return card;
}

/** The scenario's replay in a fresh profile, on `pageUrl`'s path of the stand-in. */
async function replay(
  extensionDir: string,
  scenario: NewsScenario,
  pagePath: string,
  pagesDir?: string,
) {
  const server = await startFixtureServer({
    anyTitle: true,
    gdeltAnyPhrase: true,
    gdeltLatencyMs: GDELT_LATENCY_MS,
    googleNewsLatencyMs: GOOGLE_NEWS_LATENCY_MS,
    ...(pagesDir ? { sharedPages: pagesDir } : {}),
    ...scenario.server,
  });
  try {
    return await withFreshGloss(
      { extensionDir, wikipediaOrigin: server.origin },
      async ({ context, worker }) => {
        if (scenario.settings)
          await worker.evaluate(
            ({ changes, defaults, version }) => {
              const { chrome } = globalThis as unknown as {
                chrome: { storage: { local: { set(items: object): Promise<void> } } };
              };
              return chrome.storage.local.set({
                settings: { ...defaults, enabledSites: ['127.0.0.1'], ...changes },
                settings$: { v: version },
              });
            },
            { changes: scenario.settings, defaults: DEFAULT_SETTINGS, version: SETTINGS_VERSION },
          );
        const page = await context.newPage();
        await page.goto(`${server.origin}${pagePath}`);
        await waitForMarks(page);
        // Names looked up on the stand-in are marked a moment after the first.
        await page.waitForTimeout(1500);
        const names = [...new Set((await markedMentions(page)).map((mention) => mention.text))];
        const cards: CardNews[] = [];
        for (const name of names.slice(0, CARDS)) cards.push(await readCard(page, name));
        const log = server.gdeltLog;
        return {
          scenario: scenario.name,
          cards,
          gdeltAsked: log.length,
          gdeltRefused: log.filter((entry) => entry.outcome === 'refused').length,
          gdeltShed: log.filter((entry) => entry.outcome === 'shed').length,
        };
      },
    );
  } finally {
    await server.close();
  }
}

/**
 * Every scenario, one fresh profile each, on the seed article when the shared corpus has it (its
 * folder `seedDir`), else on the demo's own article.
 */
export async function measureNews(extensionDir: string, seedDir?: string): Promise<NewsFigures[]> {
  const path = seedDir ? '/shared/myanmar-russia.html' : '/pages/myanmar-junta.html';
  const figures: NewsFigures[] = [];
  for (const scenario of NEWS_SCENARIOS)
    figures.push(await replay(extensionDir, scenario, path, seedDir));
  return figures;
}
