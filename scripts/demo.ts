// `npm run demo`: builds Gloss, serves the demo article and a stand-in Wikipedia on 127.0.0.1,
// and opens a browser with Gloss loaded on the article. Works with no network.
//   --headless            no window
//   --screenshot FILE     open a card on the first marked name, save a PNG of the page, and exit
//   --dark                dark colour scheme
//   --no-build            use the existing .output/chrome-mv3
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/fixtures/server';
import { launchWithGloss } from './browser';
import { hoverMention, waitForCardSettled } from './hover';

const { values: options } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    dark: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output', 'chrome-mv3');

// With no display to open a window on (a server, a container), the demo runs headless and saves a
// picture of a card instead of failing with the browser's own message.
const noDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (noDisplay && !options.headless && !options.screenshot) {
  options.screenshot = 'gloss-demo.png';
  console.log(
    'No display here, so the demo runs without a window and saves a picture of a card to ' +
      'gloss-demo.png. On a desktop, `npm run demo` opens the browser.',
  );
}

if (!options['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The extension did not build; see the messages above.');
    process.exit(1);
  }
}

const server = await startFixtureServer();
// A screenshot run starts from a fresh profile; an interactive one keeps its cache between runs.
const userDataDir = options.screenshot
  ? mkdtempSync(join(tmpdir(), 'gloss-demo-'))
  : join(root, '.demo-profile');

let launched;
try {
  launched = await launchWithGloss({
    extensionDir,
    userDataDir,
    headless: options.headless || Boolean(options.screenshot),
    // The stand-in answers as the English and the French Wikipedias, each under its language.
    wikipediaOrigin: `${server.origin}/{lang}`,
    colorScheme: options.dark ? 'dark' : 'light',
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  await server.close();
  process.exit(1);
}
const { context } = launched;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${server.origin}/pages/myanmar-junta.html`);

if (options.screenshot) {
  let status = 0;
  try {
    const name = await hoverMention(page);
    await waitForCardSettled(page);
    await page.screenshot({ path: options.screenshot });
    console.log(`Card for "${name}" saved to ${options.screenshot}`);
  } catch (error) {
    console.error(`No card could be shown: ${error instanceof Error ? error.message : error}`);
    status = 1;
  }
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(status);
}

console.log(`Gloss is running on the demo article: ${page.url()}`);
console.log('Rest the pointer on an underlined name. Close the browser (or press Ctrl+C) to stop.');
const stop = async () => {
  await context.close().catch(() => {});
  await server.close();
  process.exit(0);
};
context.on('close', stop);
process.on('SIGINT', stop);
