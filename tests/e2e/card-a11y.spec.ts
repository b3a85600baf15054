import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
// @ts-expect-error: plain JavaScript shared with the demo.
import { hoverMention } from '../../scripts/hover.mjs';

const ARTICLE = '/pages/myanmar-junta.html';
const card = 'gloss-card .card';

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
      page.locator(card).getByRole('region', { name: 'Latest articles' }).getByRole('listitem'),
    ).toHaveCount(3);
    await page.waitForTimeout(200); // the card's 120 ms entrance animation, so colours are final

    const results = await new AxeBuilder({ page }).include('gloss-card').analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    expect(serious).toEqual([]);
    // axe did look inside the card's shadow root (its rules passed on the card's own elements).
    expect(
      results.passes.some((rule) =>
        rule.nodes.some((node) => JSON.stringify(node.target).includes('.card')),
      ),
    ).toBe(true);

    // Dark mode follows prefers-color-scheme: a dark card on a dark page, a light one on a light page.
    const background = await page
      .locator(card)
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const [red = 0, green = 0, blue = 0] = (background.match(/\d+/g) ?? []).map(Number);
    const luminance = (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255;
    if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.3);
    else expect(luminance).toBeGreaterThan(0.8);
    await page.screenshot({ path: test.info().outputPath(`card-${colorScheme}.png`) });
  });
}
