// A page that learnt the card frame's address (Chrome's memory measurement can leak it) frames
// the card itself, or posts to Gloss's own frame, with a port of its own, and asks it to show a
// card for an address it chose: the frame must answer it nothing, and the reader's card must
// still work.
import { expect, test } from './fixtures';
import { cardFrame, cardIn, hoverMention } from '../../scripts/hover';
import { offerForgedPorts } from '../fixtures/attacks';

const ARTICLE = '/pages/myanmar-junta.html';

test('a card frame answers no port but the one its own content script handed it', async ({
  launch,
  server,
}) => {
  const { context } = await launch();
  const page = await context.newPage();
  await page.goto(server.origin + ARTICLE);
  await hoverMention(page, 'ASEAN');
  await expect(cardIn(page).locator('.title')).toHaveText('ASEAN');
  const leaked = (await cardFrame(page)).url();
  await page.mouse.move(5, 5);

  // The attacker's script, in the page's own world: its own frame of the card page, and every
  // frame the page holds, Gloss's own among them.
  const heard = await page.evaluate(offerForgedPorts, leaked);
  expect(heard).toEqual([]);

  // The reader's own card still opens, through its own port.
  await hoverMention(page, 'Min Aung Hlaing');
  await expect(cardIn(page).locator('.title')).toHaveText('Min Aung Hlaing');
});
