// The article Gloss was first imagined on, with the entities a reader expects to hover
// (../shared/gold/seed-article.json). Skipped, with a note, when the shared corpus is absent.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sharedPath } from './shared';
import { hoverMention, markedMentions, waitForMarks, cardIn } from '../../scripts/hover';
import { startFixtureServer } from '../fixtures/server';

const seed = sharedPath('corpus', 'seed', 'myanmar-russia.html');
const goldPath = sharedPath('gold', 'seed-article.json');

interface Gold {
  entities: Array<{ title: string; surfaces: string[] }>;
  must_not_mark: string[];
}

/** Every mark on the page, and every place a given surface appears in the page's text unmarked. */
async function marksAndSurfaces(page: Page, surfaces: string[]) {
  const marks = await markedMentions(page);
  const uncovered = await page.evaluate(
    ({ wanted, marks }) => {
      const uncovered: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const tag = node.parentElement?.tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        for (const surface of wanted) {
          for (
            let at = node.data.indexOf(surface);
            at >= 0;
            at = node.data.indexOf(surface, at + 1)
          ) {
            // A whole-word occurrence must lie inside a mark whose text holds it: where the
            // occurrence's first line box is, a box of such a mark is.
            const before = node.data[at - 1] ?? ' ';
            const after = node.data[at + surface.length] ?? ' ';
            if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + surface.length);
            const box = range.getClientRects()[0];
            if (!box) continue;
            const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
            const covered = marks.some(
              (mark) =>
                mark.text.includes(surface) &&
                mark.boxes.some(
                  (line) =>
                    x >= line.left &&
                    x <= line.left + line.width &&
                    y >= line.top &&
                    y <= line.top + line.height,
                ),
            );
            if (!covered)
              uncovered.push(
                `${surface} …${node.data.slice(Math.max(0, at - 20), at + surface.length + 20)}…`,
              );
          }
        }
      }
      return uncovered;
    },
    { wanted: surfaces, marks },
  );
  return { marks, uncovered };
}

test.describe('the seed article', () => {
  test.skip(!seed || !goldPath, 'the shared corpus is not beside the repository');

  test('every expected entity is marked, resolves to its article, and nothing else is', async ({
    launch,
  }) => {
    test.setTimeout(180_000);
    const gold = JSON.parse(readFileSync(goldPath!, 'utf8')) as Gold;
    const server = await startFixtureServer({ sharedPages: dirname(seed!) });
    try {
      const { context } = await launch({ wikipediaOrigin: server.origin });
      const page = await context.newPage();
      await page.goto(`${server.origin}/shared/myanmar-russia.html`);
      await waitForMarks(page);
      // Let the scanner finish every batch of the page before reading the marks.
      await page.waitForTimeout(1500);

      const { marks, uncovered } = await marksAndSurfaces(
        page,
        gold.entities.flatMap((entity) => entity.surfaces),
      );
      expect(uncovered, 'every gold surface is marked wherever it appears').toEqual([]);
      for (const phrase of gold.must_not_mark) {
        // "The UN" may mark "UN" alone; no mark may start with the phrase itself.
        expect(
          marks.filter((mark) => mark.rest.startsWith(phrase) && mark.text.length > 0),
          phrase,
        ).toEqual([]);
      }

      for (const entity of gold.entities) {
        const surface = entity.surfaces[0]!;
        // The mark is the surface itself, or a longer name that starts with it ("COVID-19 pandemic").
        const markText =
          marks.find((mark) => mark.text === surface)?.text ??
          marks.find((mark) => mark.text.startsWith(`${surface} `))?.text ??
          surface;
        await page.mouse.move(2, 2);
        await expect(cardIn(page)).toHaveCount(0);
        await hoverMention(page, markText);
        await expect(cardIn(page).getByRole('heading', { level: 2 }), surface).toHaveText(
          entity.title,
        );
      }
    } finally {
      await server.close();
    }
  });
});
