// A page that learnt the card frame's address (Chrome's memory measurement can leak it) frames
// the card itself, or posts to Gloss's own frame, with a port of its own, and asks it to show a
// card for an address it chose: the frame must answer it nothing, and the reader's card must
// still work.
import { expect, test } from './fixtures';
import { cardFrame, cardIn, hoverMention } from '../../scripts/hover';

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

  // The attacker's script, in the page's own world.
  const heard = await page.evaluate(async (cardUrl) => {
    const replies: unknown[] = [];
    const show = {
      kind: 'show',
      token: 1,
      entity: { key: 'en:Russia', title: 'Russia' },
      name: 'Russia',
      site: 'victim.example',
      pageUrl: 'https://victim.example/secret',
      width: 320,
      layout: 'beside',
    };
    const offer = (target: Window) => {
      for (const handshake of ['card-port', { kind: 'card-port', ticket: crypto.randomUUID() }]) {
        const channel = new MessageChannel();
        channel.port1.onmessage = ({ data }) => replies.push(data);
        target.postMessage(handshake, '*', [channel.port2]);
        channel.port1.postMessage(show);
      }
    };
    // Its own frame of the card page…
    const own = document.createElement('iframe');
    own.src = cardUrl;
    document.body.append(own);
    await new Promise((resolve) => own.addEventListener('load', resolve, { once: true }));
    offer(own.contentWindow!);
    // …and every frame the page holds, Gloss's own among them.
    for (let index = 0; index < window.frames.length; index += 1) offer(window.frames[index]!);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return replies;
  }, leaked);
  expect(heard).toEqual([]);

  // The reader's own card still opens, through its own port.
  await hoverMention(page, 'Min Aung Hlaing');
  await expect(cardIn(page).locator('.title')).toHaveText('Min Aung Hlaing');
});
