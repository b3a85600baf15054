import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from './fixtures';
import { cardFrame, cardIn, hoverMention } from '../../scripts/hover';

const ARTICLE = '/pages/myanmar-junta.html';
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeResult {
  id: string;
  impact?: string | null;
  nodes: Array<{ target: unknown[] }>;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the open card has no serious accessibility violations (${colorScheme})`, async ({
    launch,
    server,
  }) => {
    const { context } = await launch({ colorScheme });
    const page = await context.newPage();
    await page.goto(server.origin + ARTICLE);
    await hoverMention(page, 'ASEAN');
    await expect(
      cardIn(page).getByRole('region', { name: 'Latest articles' }).getByRole('listitem'),
    ).toHaveCount(3);

    // The card lives in its own frame, which no page script can reach: axe runs inside it.
    const frame = await cardFrame(page);
    await frame.evaluate(AXE_SOURCE);
    const results = (await frame.evaluate(() =>
      (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
    )) as { violations: AxeResult[]; passes: AxeResult[] };
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(serious).toEqual([]);
    // axe did look inside the card's shadow root: its rules passed on the card's own elements
    // (targets written as [host, selector in the shadow root]).
    const checkedInCard = results.passes.flatMap((rule) =>
      rule.nodes.filter((node) => JSON.stringify(node.target).startsWith('[["#card",')),
    );
    expect(checkedInCard.length).toBeGreaterThan(10);

    // Dark mode follows prefers-color-scheme: a dark card on a dark page, a light one on a light page.
    const background = await cardIn(page).evaluate(
      (element: Element) => getComputedStyle(element).backgroundColor,
    );
    const [red = 0, green = 0, blue = 0] = (background.match(/\d+/g) ?? []).map(Number);
    const luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
    if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.3);
    else expect(luminance).toBeGreaterThan(0.8);
    await page.screenshot({ path: test.info().outputPath(`card-${colorScheme}.png`) });
  });
}
