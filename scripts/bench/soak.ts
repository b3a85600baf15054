// A soak run: page after page in one tab, each with a card opened, while the memory of the page,
// of Gloss's extension process (its service worker) and of the page renderers is sampled. What
// should hold: nothing grows with the number of pages read.
import type { Page, Route } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from '../../tests/fixtures/server';
import { launchWithGloss } from '../browser';
import { hoverMention } from '../hover';

export interface SoakSample {
  loads: number;
  pageHeapMB: number;
  extensionProcessMB: number;
  rendererMB: number;
}

/** The demo's own pages, which the stand-in knows every name of. */
const PAGES = ['/pages/myanmar-junta.html', '/pages/asean-summit.html', '/pages/rtl-brief.html'];

const MB = 1024 * 1024;

/** Resident memory of Chromium's processes started with `profile`, split by kind (Linux's /proc). */
function processMemory(profile: string): { extension: number; renderers: number } {
  const all = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  const info = new Map<string, { parent: string; cmdline: string; rss: number }>();
  for (const pid of all) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      info.set(pid, {
        parent: /PPid:\s+(\d+)/.exec(status)?.[1] ?? '',
        cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '),
        rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024,
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  const browser = [...info].find(
    ([, process]) => process.cmdline.includes(profile) && !process.cmdline.includes('--type='),
  )?.[0];
  const family = new Set(browser ? [browser] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, process] of info)
      if (!family.has(pid) && family.has(process.parent)) {
        family.add(pid);
        grew = true;
      }
  }
  let extension = 0;
  let renderers = 0;
  for (const pid of family) {
    const { cmdline, rss } = info.get(pid)!;
    if (!cmdline.includes('--type=renderer')) continue;
    if (cmdline.includes('--extension-process')) extension += rss;
    else renderers += rss;
  }
  return { extension, renderers };
}

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** `loads` page loads in one tab, a card opened on each; a sample every `every` loads. */
export async function soak(
  extensionDir: string,
  loads: number,
  every: number,
): Promise<SoakSample[]> {
  const server = await startFixtureServer({});
  const profile = mkdtempSync(join(tmpdir(), 'gloss-soak-'));
  const { context } = await launchWithGloss({
    extensionDir,
    userDataDir: profile,
    wikipediaOrigin: server.origin,
  });
  const samples: SoakSample[] = [];
  try {
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:).*/, (route: Route) =>
      route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    for (let load = 1; load <= loads; load += 1) {
      await page.goto(server.origin + PAGES[load % PAGES.length]!);
      await hoverMention(page);
      await page.mouse.move(2, 2);
      if (load === 1 || load % every === 0) {
        const memory = processMemory(profile);
        samples.push({
          loads: load,
          pageHeapMB: (await pageHeap(page)) / MB,
          extensionProcessMB: memory.extension / MB,
          rendererMB: memory.renderers / MB,
        });
        process.stderr.write(`  ${load} of ${loads} loads\n`);
      }
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return samples;
}
