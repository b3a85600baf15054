// Adding a feed on the options page asks the browser for its site's permission before anything
// is fetched or stored. (A headless browser cannot answer the prompt, so the test stops there.)
import { expect, test } from './fixtures';

test('adding a feed first asks for its site, and adds nothing until allowed', async ({
  launch,
  server,
}) => {
  const { context, extensionId, worker } = await launch();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options
    .getByRole('textbox', { name: 'Feed address' })
    .fill(`${server.origin}/feeds/asia-desk.rss`);
  await options.getByRole('button', { name: 'Add feed' }).click();
  await expect(options.locator('section[aria-labelledby="feeds"] [role="status"]')).toHaveText(
    `Asking your browser to let Gloss read from ${new URL(server.origin).host}…`,
  );
  await options.waitForTimeout(1000);
  // Still waiting for the reader's answer: nothing fetched, nothing stored.
  await expect(options.locator('section[aria-labelledby="feeds"] [role="status"]')).toHaveText(
    /^Asking your browser/,
  );
  expect(server.requests.filter((request) => request.path.startsWith('/feeds/'))).toEqual([]);
  const stored = await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.local.get('settings')).settings as
      { feeds?: string[] } | undefined;
  });
  expect(stored?.feeds ?? []).toEqual([]);
});
