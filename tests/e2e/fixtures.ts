import { test as base, type BrowserContext, type Worker } from '@playwright/test';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../core/settings';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithGloss, type Gloss } from '../../scripts/browser';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

export type { FixtureServer } from '../fixtures/server';
export type { Gloss } from '../../scripts/browser';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The benchmark's build (`WXT_GLOSS_TIMELINE=1`): the same, leaving its timings in the page's timeline. */
export const TIMELINE_EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../../.output/bench/chrome-mv3',
);

/**
 * Each test gets a fixture server standing in for Wikipedia, a fresh browser profile, and
 * `launch()` to start Chromium with Gloss on that profile (again, to restart the browser).
 */
export const test = base.extend<{
  server: FixtureServer;
  profileDir: string;
  launch: (options?: {
    colorScheme?: 'light' | 'dark';
    wikipediaOrigin?: string;
    /** Load the benchmark's build, whose work shows in the page's timeline. */
    timeline?: boolean;
    /** A phone's screen and touch input. */
    phone?: boolean;
    /** Another profile than the test's own (a second browser of the same reader). */
    userDataDir?: string;
  }) => Promise<Gloss>;
}>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = (await startFixtureServer()) as FixtureServer;
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  launch: async ({ server, profileDir }, use) => {
    const open: BrowserContext[] = [];
    await use(async (options = {}) => {
      const gloss = (await launchWithGloss({
        extensionDir: options.timeline ? TIMELINE_EXTENSION_DIR : EXTENSION_DIR,
        userDataDir: options.userDataDir ?? profileDir,
        headless: true,
        wikipediaOrigin: options.wikipediaOrigin ?? server.origin,
        colorScheme: options.colorScheme ?? 'light',
        ...(options.phone ? { viewport: { width: 390, height: 760 }, touch: true } : {}),
      })) as Gloss;
      open.push(gloss.context);
      return gloss;
    });
    for (const context of open) await context.close().catch(() => {});
  },
});

import { expect } from '@playwright/test';
export { expect };

/**
 * Writes the reader's settings as the extension stores them (the defaults with `changes`, at the
 * current settings version), from its service worker, as the options page would. Gloss stays on
 * for the stand-in server's private address, as `launch()` turned it on there.
 */
export const setSettings = (worker: Worker, changes: Partial<Settings>) =>
  worker.evaluate(
    ({ settings, version }) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      };
      return chrome.storage.local.set({ settings, settings$: { v: version } });
    },
    {
      settings: { ...DEFAULT_SETTINGS, enabledSites: ['127.0.0.1'], ...changes },
      version: SETTINGS_VERSION as number,
    },
  );

/** What Gloss's database holds of the reader's traces (pages noted, names learnt), read from its service worker. */
export const storedCounts = (worker: Worker) =>
  worker.evaluate(
    () =>
      new Promise<{ readings: number; learnt: number }>((resolve, reject) => {
        const open = indexedDB.open('gloss');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['readings', 'aliases']);
          const readings = tx.objectStore('readings').count();
          const all = tx.objectStore('aliases').getAll();
          tx.oncomplete = () => {
            const learnt = (all.result as Array<{ source: string }>).filter(
              (alias) => alias.source !== 'pack',
            ).length;
            resolve({ readings: readings.result, learnt });
            db.close();
          };
        };
      }),
  );

/**
 * Waits until the stand-in server has had no API request for `quietMs`: a card's extra parts (its
 * coverage line) may still be on their way after the parts a test looks at have shown.
 */
export async function untilQuiet(server: FixtureServer, quietMs = 400): Promise<void> {
  for (let seen = -1; seen !== server.apiRequests();) {
    seen = server.apiRequests();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/**
 * Waits until the stand-in GDELT has answered `count` requests of `mode`: a card's news line goes
 * in its turn, behind every card's latest articles, one request per 5 s.
 */
export async function untilGdeltAsked(
  server: FixtureServer,
  mode: 'artlist' | 'timelinevolinfo',
  count: number,
): Promise<void> {
  const answered = () =>
    server.gdeltLog.filter((entry) => entry.mode === mode && entry.outcome === 'answered').length;
  await expect.poll(answered, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
}

/**
 * The reader presses a keyboard command's shortcut in the tab showing a page Gloss runs on. The
 * browser's own event is dispatched in the background, so its real listener runs: a headless
 * browser takes no shortcut from synthetic key presses.
 */
export async function pressCommand(worker: Worker, command: string): Promise<void> {
  const pressed = await worker.evaluate(async (name) => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: {
          query(info: object): Promise<Array<{ id: number }>>;
          sendMessage(id: number, message: object): Promise<{ host?: string } | undefined>;
        };
        commands: { onCommand: { dispatch(command: string, tab: object): void } };
      };
    };
    for (const tab of await chrome.tabs.query({ active: true })) {
      const answer = await chrome.tabs
        .sendMessage(tab.id, { to: 'page', ask: 'site' })
        .catch(() => undefined);
      if (!answer?.host) continue;
      chrome.commands.onCommand.dispatch(name, tab);
      return true;
    }
    return false;
  }, command);
  if (!pressed) throw new Error(`no tab with Gloss to press ${command} in`);
}
