// Finds a browser that can load an unpacked extension and starts it with Gloss loaded.
// Shared by `npm run demo` and the end-to-end tests.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { SETTINGS_VERSION } from '../core/settings';

/**
 * Google-branded Chrome ignores --load-extension since version 137, so only browsers that still
 * honour it are tried: an explicit path, Playwright's own Chromium, then the system's Chromium.
 */
const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  'C:\\Program Files\\Chromium\\Application\\chrome.exe',
];

export const INSTALL_HINT = [
  'Gloss needs a Chromium-family browser that can load an unpacked extension, and none was found.',
  'Install one of:',
  '  - Debian/Ubuntu: sudo apt-get install chromium',
  "  - Playwright's Chromium: npx playwright install chromium",
  '  - any Chromium or Chrome for Testing, then set GLOSS_BROWSER=/path/to/its/binary',
  'Google-branded Chrome 137 and later ignore --load-extension; they load Gloss by hand (README).',
].join('\n');

/** What the extension's service worker offers these helpers: its local storage. */
interface WorkerGlobal {
  chrome: {
    storage?: {
      local: {
        get(keys: string[]): Promise<Record<string, unknown>>;
        set(items: object): Promise<void>;
      };
    };
  };
}

/** The hosts the demo, the tests and the benchmarks serve pages from. */
const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/** The path of a usable browser, or undefined. */
export function findBrowser(): string | undefined {
  const explicit = process.env.GLOSS_BROWSER;
  if (explicit) {
    if (!existsSync(explicit))
      throw new Error(`GLOSS_BROWSER is set to ${explicit}, which does not exist.`);
    return explicit;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  return [bundled, ...SYSTEM_CHROMIUMS].find(
    (path): path is string => path !== undefined && existsSync(path),
  );
}

export interface LaunchOptions {
  extensionDir: string;
  userDataDir: string;
  /** Without a window; the default, but for the demo on a screen. */
  headless?: boolean;
  /** A local server that answers like Wikipedia (`{lang}` in it for each language's). */
  wikipediaOrigin?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** A phone: touch input, and a page laid out for a narrow screen. */
  touch?: boolean;
}

/** A browser with Gloss loaded: its context, Gloss's service worker and its extension id. */
export interface Gloss {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/**
 * Starts the browser with the built extension in `extensionDir`, points Gloss's sources at
 * `wikipediaOrigin` (a local server that answers like Wikipedia), and returns the context and
 * Gloss's service worker.
 */
export async function launchWithGloss({
  extensionDir,
  userDataDir,
  headless = true,
  wikipediaOrigin,
  colorScheme = 'light',
  viewport = { width: 1100, height: 800 },
  touch = false,
}: LaunchOptions): Promise<Gloss> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    colorScheme,
    viewport,
    // A phone: touch input, and a page laid out for a narrow screen.
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // This machine has no network: keep Chromium from trying its own services at start-up.
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Gloss stays off on private addresses unless the reader turns it on there; the demo, the tests
  // and the benchmarks serve their pages from this machine, so it is turned on for it, as a reader
  // would from the popup. Whatever else the profile's settings hold is kept.
  await worker.evaluate(
    async ({ hosts, version }) => {
      // Another extension (the benchmarks' reference reader) may keep no settings at all.
      const { chrome } = globalThis as unknown as WorkerGlobal;
      if (!chrome.storage?.local) return;
      const stored = (await chrome.storage.local.get(['settings', 'settings$'])) as {
        settings?: { enabledSites?: string[] };
        settings$?: unknown;
      };
      const { settings = {}, settings$: meta } = stored;
      const enabledSites = [...new Set([...(settings.enabledSites ?? []), ...hosts])];
      await chrome.storage.local.set({
        settings: { ...settings, enabledSites },
        // A fresh profile: what is written is current, with no migration to run on it.
        ...(meta ? {} : { settings$: { v: version } }),
      });
    },
    { hosts: LOCAL_HOSTS, version: SETTINGS_VERSION },
  );
  if (wikipediaOrigin) {
    await worker.evaluate(
      // The stand-in answers Wikipedia's, Wikidata's and GDELT's APIs; a `{lang}` in its address
      // stands for each Wikipedia's language, while the other two are at its root.
      (origin) => {
        const { chrome } = globalThis as unknown as WorkerGlobal;
        const root = origin.replace('/{lang}', '');
        return chrome.storage!.local.set({
          sourceOverrides: {
            wikipediaOrigin: origin,
            wikidataOrigin: root,
            gdeltOrigin: root,
            googleNewsOrigin: root,
            pageviewsOrigin: root,
          },
        });
      },
      wikipediaOrigin,
    );
  }
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/**
 * Runs `work` with Gloss in a fresh profile, as a new reader's browser, then closes it and removes
 * the profile whatever happened.
 */
export async function withFreshGloss<T>(
  options: Omit<LaunchOptions, 'userDataDir'>,
  work: (gloss: Gloss) => Promise<T>,
): Promise<T> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-fresh-'));
  const gloss = await launchWithGloss({ ...options, userDataDir });
  try {
    return await work(gloss);
  } finally {
    await gloss.context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The id of a tab Gloss is reading (its page answers the popup's "which site?"), as the popup
 * would be given it: found from Gloss's service worker.
 */
export function readTabId(worker: Worker): Promise<number | undefined> {
  return worker.evaluate(async () => {
    // The service worker's own API, as much of it as this needs.
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: {
          query(filter: object): Promise<Array<{ id: number }>>;
          sendMessage(tab: number, message: object): Promise<{ host?: string } | undefined>;
        };
      };
    };
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs
        .sendMessage(tab.id, { to: 'page', ask: 'site' })
        .catch(() => undefined);
      if (answer?.host) return tab.id;
    }
    return undefined;
  });
}
