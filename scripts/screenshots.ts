// `npm run screenshots`: the README's pictures of the popup and the options page, made from the
// built extension against the stand-in sources (no network): ASEAN is followed from its card and
// its topic checked, so both show real content. Writes docs/popup.png and docs/options.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../tests/fixtures/server';
import { launchWithGloss, readTabId } from './browser';
import { cardIn, hoverMention } from './hover';

const root = resolve(import.meta.dirname, '..');
const server = await startFixtureServer();
const userDataDir = mkdtempSync(join(tmpdir(), 'gloss-shots-'));
const { context, worker, extensionId } = await launchWithGloss({
  extensionDir: join(root, '.output/chrome-mv3'),
  userDataDir,
  wikipediaOrigin: server.origin,
});
try {
  const page = await context.newPage();
  await page.goto(`${server.origin}/pages/myanmar-junta.html`);
  await hoverMention(page, 'ASEAN');
  await cardIn(page).getByRole('button', { name: 'Subscribe' }).click();

  const options = await context.newPage();
  await options.setViewportSize({ width: 720, height: 1300 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('button', { name: 'Check now' }).click();
  await options.getByText(/^Checked 1 topic/).waitFor();
  await options.screenshot({ path: join(root, 'docs/options.png'), fullPage: true });

  const tab = await readTabId(worker);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await popup.getByText(/unread/).waitFor();
  await popup.screenshot({ path: join(root, 'docs/popup.png') });
  console.log('Wrote docs/popup.png and docs/options.png');
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
