// The Firefox tier: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core), with the
// Firefox build of Gloss installed as a temporary add-on. Skipped, saying so, where Firefox is not
// installed (CI installs it).
import { test as base } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { startFixtureServer } from '../fixtures/server';
import type { FixtureServer } from '../e2e/fixtures';

export const FIREFOX = process.env.GLOSS_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const ADDON_ID = 'gloss@gloss.invalid';
/** The add-on's moz-extension host, fixed through Firefox's preferences so tests can address it. */
export const ADDON_UUID = '6c7e4d5a-1111-4222-8333-944455556666';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

export interface GlossInFirefox {
  browser: Browser;
  /** A frame of Gloss's own origin (its web-accessible card page), to reach the add-on's API. */
  extension: Frame;
}

export const test = base.extend<{ server: FixtureServer; firefox: GlossInFirefox }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = (await startFixtureServer()) as FixtureServer;
    await use(server);
    await server.close();
  },
  firefox: async ({ server }, use, info) => {
    info.skip(!existsSync(FIREFOX), `Firefox is not installed at ${FIREFOX}`);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      },
    });
    try {
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
      const extension = await extensionFrame(browser, server);
      // Point Gloss at the stand-in sources, and turn it on for the stand-in's private address,
      // as the Chromium tests do.
      await extension.evaluate(async (origin) => {
        const api = (
          globalThis as unknown as {
            browser: {
              storage: {
                local: {
                  get(key: string): Promise<{ settings?: object }>;
                  set(items: object): Promise<void>;
                };
              };
            };
          }
        ).browser;
        await api.storage.local.set({
          sourceOverrides: {
            wikipediaOrigin: origin,
            wikidataOrigin: origin,
            gdeltOrigin: origin,
            googleNewsOrigin: origin,
            pageviewsOrigin: origin,
          },
        });
        const { settings = {} } = await api.storage.local.get('settings');
        await api.storage.local.set({ settings: { ...settings, enabledSites: ['127.0.0.1'] } });
      }, server.origin);
      await use({ browser, extension });
    } finally {
      await browser.close();
    }
  },
});

export { expect } from '@playwright/test';

/**
 * A frame of the add-on's origin: its card page, framed by a stand-in page (WebDriver BiDi will
 * not open moz-extension addresses itself). Code evaluated there has the add-on's API.
 */
async function extensionFrame(browser: Browser, server: FixtureServer): Promise<Frame> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/pages/asean-summit.html`);
  await page.evaluate(
    (src) =>
      new Promise((loaded) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.onload = loaded;
        document.body.append(frame);
      }),
    `${ADDON_ORIGIN}/card.html`,
  );
  return frameAt(page, `${ADDON_ORIGIN}/card.html`);
}

/** The frame of `page` whose document is at `url` (BiDi may report such frames as about:blank). */
export async function frameAt(page: Page, url: string, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const at = await frame.evaluate(() => location.href).catch(() => '');
      if (at === url) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no frame at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The marked names on `page`, with the centre of each one's first line box. */
export function marksOn(page: Page): Promise<Array<{ text: string; x: number; y: number }>> {
  return page.evaluate(() =>
    [...CSS.highlights.values()]
      .flatMap((highlight) => [...highlight])
      .map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const box = live.getClientRects()[0]!;
        return {
          text: live.toString(),
          x: box.left + box.width / 2,
          y: box.top + box.height / 2,
        };
      }),
  );
}

/** Rests the pointer on the marked name `text`, as a hand would, and answers the card's frame. */
export async function hover(page: Page, text: string): Promise<Frame> {
  await page.waitForFunction(
    (wanted) =>
      [...CSS.highlights.values()].some((highlight) =>
        [...highlight].some(
          (range) =>
            (range.startContainer as Text).data.slice(range.startOffset, range.endOffset) ===
            wanted,
        ),
      ),
    { timeout: 15_000 },
    text,
  );
  const mark = (await marksOn(page)).find((candidate) => candidate.text === text)!;
  await page.mouse.move(mark.x - 30, mark.y - 30);
  await page.mouse.move(mark.x, mark.y, { steps: 4 });
  const frame = await frameAt(page, `${ADDON_ORIGIN}/card.html`);
  await frame.waitForFunction(
    () =>
      document.getElementById('card')?.shadowRoot?.querySelector('.card:not([aria-busy]) .title')
        ?.textContent,
    { timeout: 10_000 },
  );
  return frame;
}

/** The open card's title in its frame, or null when no card is shown. */
export function cardTitle(frame: Frame): Promise<string | null> {
  return frame.evaluate(
    () =>
      document.getElementById('card')?.shadowRoot?.querySelector('.card .title')?.textContent ??
      null,
  );
}
