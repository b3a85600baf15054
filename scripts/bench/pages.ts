// What Gloss costs on real pages: every saved page of the corpus, served from 127.0.0.1 with
// outside requests blocked, loaded in Chromium without Gloss, with it, and with a minimal
// reference reader (the floor of what reading a page costs), interleaved, several runs.
// Gloss's main-thread time is sampled: a CPU profile (every 100 µs, in both browsers alike) counts
// each sample whose stack holds a frame of Gloss's content script, so the browser work Gloss calls
// into (ranges, highlights, layout it forces) counts too. Beside it, the difference in CDP's
// TaskDuration with and without Gloss (medians), which the page's own variance dominates; heap
// comes from CDP's metrics too (with minus without).
// Gloss's own tasks, the moment its marks are painted and its messages from the `gloss:*` entries
// it leaves in the page's timeline (the reference reader marks when its answer is painted);
// requests from the stand-in server's log.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../../tests/fixtures/server';
import { findBrowser, launchWithGloss } from '../browser';
import { extensionTime, partsFromSourceMap, type Part, type PartOf } from './main-thread-split';
import { median } from './stats';

export interface PageFigures {
  name: string;
  textChars: number;
  /** Main-thread time in Gloss's code and what it calls, sampled. */
  addedMainThreadMs: number;
  /**
   * The same sampled time for the reference reader (scripts/bench/reference-reader): one walk over
   * the text nodes and one message, the least any extension that reads the page does.
   */
  referenceMainThreadMs: number;
  /** TaskDuration with Gloss minus without (medians): the page's own variance dominates it. */
  taskDifferenceMs: number;
  longestTaskMs: number;
  marksPaintedMs: number | null;
  /**
   * When the reference reader's answer is painted, after DOMContentLoaded: the soonest a reader
   * that asks its background about the page can show anything.
   */
  referencePaintedMs: number | null;
  layoutShift: number;
  /** Gloss's main-thread time by part of its code (medians; they need not sum to the total's). */
  parts: Record<Part, number>;
  /** Style and layout with Gloss minus without (medians): what marks cause, and the page's noise. */
  styleLayoutDifferenceMs: number;
  /** The same for the reference reader. */
  referenceStyleLayoutDifferenceMs: number;
  heapMB: number;
  messages: number;
  requests: number;
}

/** A minimal page-reading extension, measured beside Gloss as the floor of what reading costs. */
const REFERENCE_READER = fileURLToPath(new URL('./reference-reader', import.meta.url));

/** How long a page is given to settle after `load` before it is measured. */
const SETTLE_MS = 1500;

interface Sample {
  taskMs: number;
  glossMs: number;
  /** `glossMs` by the part of Gloss's code it was spent in. */
  parts: Record<Part, number>;
  /** The browser's style recalculation and layout, all of it (Gloss's and the page's). */
  styleLayoutMs: number;
  heapBytes: number;
  shift: number;
  textChars: number;
  glossTasks: number[];
  paintedMs: number | null;
  messages: number;
}

// Runs in the page before its own scripts: sums layout shifts as they happen.
const OBSERVE_SHIFTS = () => {
  const state = window as unknown as { glossBenchShift: number };
  state.glossBenchShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>)
      state.glossBenchShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

/** How often the CPU profile samples the page's main thread. */
const SAMPLING_INTERVAL_US = 100;

/** One load of one page in one browser; the page is closed afterwards. */
async function sample(context: BrowserContext, url: string, partOf?: PartOf): Promise<Sample> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(SETTLE_MS);
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
    const inPage = await page.evaluate(() => {
      const all = performance.getEntries();
      const entries = all.filter((entry) => entry.name.startsWith('gloss:'));
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      const painted = all.find(
        (entry) =>
          entry.name === 'gloss:marks-painted' || entry.name === 'reference:answer-painted',
      );
      return {
        textChars: document.body?.innerText.length ?? 0,
        shift: (window as unknown as { glossBenchShift?: number }).glossBenchShift ?? 0,
        glossTasks: entries.filter((entry) => entry.entryType === 'measure').map((e) => e.duration),
        paintedMs:
          painted && navigation ? painted.startTime - navigation.domContentLoadedEventEnd : null,
        messages: entries.filter((entry) => entry.name === 'gloss:message').length,
      };
    });
    await cdp.detach();
    const { total, parts } = extensionTime(profile, partOf);
    return {
      taskMs: metric('TaskDuration') * 1000,
      styleLayoutMs: (metric('RecalcStyleDuration') + metric('LayoutDuration')) * 1000,
      glossMs: total,
      parts,
      heapBytes: metric('JSHeapUsedSize'),
      ...inPage,
    };
  } finally {
    await page.close();
  }
}

/**
 * Every page of `pagesDir`, `runs` times, without and with Gloss in turn. Answers one row per page:
 * medians over the runs.
 *
 * Long because the three browsers (without Gloss, with it, with the reference reader) are started,
 * measured in turn and closed in one place, so none outlives a failure.
 */
export async function measurePages(
  pagesDir: string,
  extensionDir: string,
  runs: number,
  only?: RegExp,
): Promise<PageFigures[]> {
  const names = readdirSync(pagesDir)
    .filter((name) => name.endsWith('.html') && (!only || only.test(name)))
    .sort();
  const server = await startFixtureServer({ sharedPages: pagesDir, anyTitle: true });
  const [plainProfile, glossProfile, referenceProfile] = ['a', 'b', 'c'].map((letter) =>
    mkdtempSync(join(tmpdir(), `gloss-bench-${letter}-`)),
  ) as [string, string, string];
  const plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: findBrowser(),
    viewport: { width: 1100, height: 800 },
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const { context: gloss } = await launchWithGloss({
    extensionDir,
    userDataDir: glossProfile,
    wikipediaOrigin: server.origin,
  });
  const { context: reference } = await launchWithGloss({
    extensionDir: REFERENCE_READER,
    userDataDir: referenceProfile,
  });
  const partOf = partsFromSourceMap(extensionDir);
  const rows: PageFigures[] = [];
  try {
    for (const context of [plain, gloss, reference]) {
      await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:).*/, (route) =>
        route.abort('blockedbyclient'),
      );
      await context.addInitScript(OBSERVE_SHIFTS);
    }
    const without = new Map<string, Sample[]>();
    const withGloss = new Map<string, Sample[]>();
    const withReference = new Map<string, Sample[]>();
    const requests = new Map<string, number[]>();
    for (let run = 0; run < runs; run += 1) {
      for (const name of names) {
        const url = `${server.origin}/shared/${name}`;
        const before = server.apiRequests();
        // Without first, then with: interleaved, so the machine's mood hits both alike.
        const a = await sample(plain, url).catch(() => undefined);
        const b = await sample(gloss, url, partOf).catch(() => undefined);
        const c = await sample(reference, url).catch(() => undefined);
        if (!a || !b || !c) continue;
        (without.get(name) ?? without.set(name, []).get(name)!).push(a);
        (withGloss.get(name) ?? withGloss.set(name, []).get(name)!).push(b);
        (withReference.get(name) ?? withReference.set(name, []).get(name)!).push(c);
        // Names are cached after the first run: count the first visit's requests.
        if (run === 0) requests.set(name, [server.apiRequests() - before]);
      }
      process.stderr.write(`  run ${run + 1} of ${runs} done\n`);
    }
    for (const name of names) {
      const a = without.get(name);
      const b = withGloss.get(name);
      const c = withReference.get(name);
      if (!a?.length || !b?.length || !c?.length) continue;
      const of = (samples: Sample[], pick: (entry: Sample) => number) => median(samples.map(pick));
      const paintedIn = (samples: Sample[]) => {
        const painted = samples.map((entry) => entry.paintedMs).filter((ms) => ms !== null);
        return painted.length > 0 ? median(painted) : null;
      };
      rows.push({
        name: basename(name, '.html'),
        textChars: b[0]!.textChars,
        addedMainThreadMs: of(b, (entry) => entry.glossMs),
        referenceMainThreadMs: of(c, (entry) => entry.glossMs),
        taskDifferenceMs: of(b, (entry) => entry.taskMs) - of(a, (entry) => entry.taskMs),
        longestTaskMs: of(b, (entry) => Math.max(0, ...entry.glossTasks)),
        marksPaintedMs: paintedIn(b),
        referencePaintedMs: paintedIn(c),
        layoutShift: Math.max(0, of(b, (entry) => entry.shift) - of(a, (entry) => entry.shift)),
        parts: Object.fromEntries(
          Object.keys(b[0]!.parts).map((part) => [
            part,
            of(b, (entry) => entry.parts[part as Part]),
          ]),
        ) as Record<Part, number>,
        styleLayoutDifferenceMs:
          of(b, (entry) => entry.styleLayoutMs) - of(a, (entry) => entry.styleLayoutMs),
        referenceStyleLayoutDifferenceMs:
          of(c, (entry) => entry.styleLayoutMs) - of(a, (entry) => entry.styleLayoutMs),
        heapMB: (of(b, (entry) => entry.heapBytes) - of(a, (entry) => entry.heapBytes)) / 1e6,
        messages: of(b, (entry) => entry.messages),
        requests: requests.get(name)?.[0] ?? 0,
      });
    }
  } finally {
    await plain.close();
    await gloss.close();
    await reference.close();
    await server.close();
    for (const dir of [plainProfile, glossProfile, referenceProfile])
      rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
