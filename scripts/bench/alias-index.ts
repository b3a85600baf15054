// The alias index and the cache under load, in Chromium's real IndexedDB: scripts/bench/index-page.ts
// is bundled with Gloss's database code and run in a plain page served from 127.0.0.1.
import { chromium } from '@playwright/test';
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { startFixtureServer } from '../../tests/fixtures/server';
import { findBrowser, INSTALL_HINT } from '../browser';
import type { IndexFigures } from './index-page';

/** The page script, bundled into one string. */
async function bundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'index-page.ts'), formats: ['es'] },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((item) => item.output);
  const entry = chunks.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  if (!entry || entry.type !== 'chunk') throw new Error('The index benchmark did not bundle.');
  return entry.code;
}

/** Figures for each alias-table size, each measured in a fresh database. */
export async function measureIndex(
  sizes: readonly number[],
  medianOf = 21,
): Promise<IndexFigures[]> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const code = await bundle();
  const server = await startFixtureServer({});
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const page = await browser.newPage();
    // Any page of the origin will do: IndexedDB belongs to the origin.
    await page.goto(`${server.origin}/pages/myanmar-junta.html`);
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => 'glossIndexBench' in globalThis);
    const rows: IndexFigures[] = [];
    for (const size of sizes) {
      rows.push(
        await page.evaluate(
          ([aliases, rounds]) =>
            (
              globalThis as unknown as {
                glossIndexBench: (aliases: number, rounds: number) => Promise<IndexFigures>;
              }
            ).glossIndexBench(aliases, rounds),
          [size, medianOf] as const,
        ),
      );
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
