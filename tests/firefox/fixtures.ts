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

/** Where `text` first appears on `page` (scrolled into view): its first line box. */
export function placeOf(
  page: Page,
  text: string,
): Promise<{
  left: number;
  top: number;
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
} | null> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { left, top, width, height } = range.getClientRects()[0]!;
      return { left, top, width, height, scrollX: window.scrollX, scrollY: window.scrollY };
    }
    return null;
  }, text);
}

/**
 * Whether `text` is drawn as marked: Gloss's marks are where no page script can read them, so
 * this looks as the reader does, for the marks' blue under the name in a screenshot.
 */
export async function isMarked(page: Page, text: string): Promise<boolean> {
  const box = await placeOf(page, text);
  if (!box) return false;
  // The screenshot's clip is in the document's coordinates, the box in the window's.
  const clip = {
    x: box.left + box.scrollX,
    y: box.top + box.scrollY,
    width: box.width,
    height: box.height + 2,
  };
  const png = await page.screenshot({ clip, encoding: 'base64' });
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    for (let at = 0; at < pixels.length; at += 4)
      if (pixels[at + 2]! >= pixels[at]! + 12 && pixels[at + 2]! >= pixels[at + 1]! + 8)
        return true;
    return false;
  }, png);
}

/** Rests the pointer on the marked name `text`, as a hand would, and answers the card's frame. */
export async function hover(page: Page, text: string): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  while (!(await isMarked(page, text))) {
    if (Date.now() > deadline) throw new Error(`"${text}" is not marked`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const mark = (await placeOf(page, text))!;
  const [x, y] = [mark.left + mark.width / 2, mark.top + mark.height / 2];
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 4 });
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
