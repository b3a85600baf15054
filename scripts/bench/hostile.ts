// Crafted text against the background's reading of a page: each family at 10k, 100k and 1M
// characters, read as one text node the way the background reads a batch (in pieces, unpaced, so
// only the reading is timed). Its work should grow with the text: time per character at 1M within
// twice that at 10k, for every family.
import { findMentions } from '../../core/mention-finding';
import { startFixtureServer } from '../../tests/fixtures/server';
import { withFreshGloss } from '../browser';
import { waitForMarks } from '../hover';
import { distinctMentions, timeCard, trackLastMove } from './card';
import { median, percentile } from './stats';

/**
 * The body of a page that keeps giving Gloss text crafted to be slow to read: five paragraphs of
 * 'Abc, ' 200,000 characters long, one rewritten every 150 ms.
 */
export const SLOW_TEXT_PAGE = `<div id="slow"></div>
<script>
  const slow = document.getElementById('slow');
  const crafted = (seed) => 'Abc, '.repeat(40000) + seed;
  for (let i = 0; i < 5; i += 1) {
    const p = document.createElement('p');
    p.textContent = crafted(i);
    slow.append(p);
  }
  let round = 0;
  setInterval(() => {
    round += 1;
    slow.children[round % 5].textContent = crafted(round);
  }, 150);
</script>`;

/**
 * A card's latency (ms after the intent delay ends) in one tab while another tab holds
 * `SLOW_TEXT_PAGE`: every distinct name on the demo article, `rounds` times, in fresh profiles.
 */
export async function measureCardBesideHostile(
  extensionDir: string,
  rounds: number,
): Promise<{ p50: number; p95: number; samples: number }> {
  const server = await startFixtureServer();
  const samples: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      await withFreshGloss(
        { extensionDir, wikipediaOrigin: server.origin },
        async ({ context }) => {
          const hostile = `${server.origin}/hostile/slow-text.html`;
          await context.route(hostile, (route) =>
            route.fulfill({
              contentType: 'text/html; charset=utf-8',
              body: `<!doctype html><html lang="en"><body>${SLOW_TEXT_PAGE}</body></html>`,
            }),
          );
          await (await context.newPage()).goto(hostile);
          const page = await context.newPage();
          await page.goto(`${server.origin}/pages/myanmar-junta.html`);
          await trackLastMove(page);
          await waitForMarks(page, 60_000);
          for (const { x, y } of await distinctMentions(page))
            samples.push(await timeCard(page, x, y));
        },
      );
    }
  } finally {
    await server.close();
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), samples: samples.length };
}

/** Texts made to be slow to read, each `length` characters long. */
export const HOSTILE_FAMILIES: Record<string, (length: number) => string> = {
  'repeated "Abc, "': (length) => repeatTo('Abc, ', length),
  'capitals with no lower case': (length) => repeatTo('ℂℍℕℙℚℝℤ ', length),
  'title words repeated': (length) => repeatTo('The Quick Brown Fox Of The ', length),
  'no spaces': (length) => repeatTo('abcdefghijklmnopqrstuvwxyz', length),
  CJK: (length) => repeatTo('東京都で中国の北京と会談した。', length),
  'runs of connectors': (length) => repeatTo('Bank of the of de la van der al- bin ', length),
  'capitalised run with no end': (length) => repeatTo('Alpha Beta Gamma Delta ', length),
};

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export interface HostileRow {
  family: string;
  length: number;
  ms: number;
  usPerChar: number;
}

/** The median time to read each family at each length, over `runs` runs. */
export async function measureHostile(
  lengths: readonly number[],
  runs: number,
): Promise<HostileRow[]> {
  const rows: HostileRow[] = [];
  const resolve = async () => ({ resolved: {} });
  for (const [family, make] of Object.entries(HOSTILE_FAMILIES))
    for (const length of lengths) {
      const texts = [{ text: make(length), heading: false }];
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        await findMentions(texts, [], resolve);
        times.push(performance.now() - started);
      }
      const ms = median(times);
      rows.push({ family, length, ms, usPerChar: (ms * 1000) / length });
    }
  return rows;
}
