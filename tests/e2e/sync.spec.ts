// The reader's settings and topics follow them to a second browser through the browser's own sync
// area. Chrome's sync service carries that area between browsers of one account; here a second
// profile is given what the first one's area holds, as the service would.
import type { Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

type SyncItems = Record<string, unknown>;
type Chrome = {
  chrome: {
    storage: {
      sync: { get(keys: null): Promise<SyncItems>; set(items: SyncItems): Promise<void> };
    };
  };
};

const syncArea = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null));

/** Bytes an item takes as Chrome counts them against its quota: its key and its value as JSON. */
const itemBytes = (key: string, value: unknown) =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

test('a second browser gets the settings and topics, and what it changes comes back', async ({
  launch,
}) => {
  const home = await launch();
  const options = await home.context.newPage();
  await options.goto(`chrome-extension://${home.extensionId}/options.html`);
  await options.getByRole('textbox', { name: 'Keywords to follow' }).fill('rare earths');
  await options.getByRole('textbox', { name: 'Keywords to follow' }).press('Enter');
  await expect(options.getByRole('list', { name: 'Your topics' })).toContainText('rare earths');
  await options.getByRole('combobox', { name: 'Mark style' }).selectOption('tint');
  await expect(options.locator('#sync-status')).toContainText('follow you to your other browsers');

  // The area holds them, in items within Chrome's limits, and nothing of the reader's history.
  await expect
    .poll(async () => JSON.stringify(await syncArea(home.worker)), { timeout: 10_000 })
    .toContain('rare earths');
  const items = await syncArea(home.worker);
  expect(JSON.stringify(items)).toContain('tint');
  for (const [key, value] of Object.entries(items))
    expect(itemBytes(key, value)).toBeLessThanOrEqual(8_192);
  await home.context.close();

  // The second browser: a fresh install, whose area the sync service fills.
  const secondDir = mkdtempSync(join(tmpdir(), 'gloss-e2e-second-'));
  try {
    const work = await launch({ userDataDir: secondDir });
    await work.worker.evaluate(
      (held) => (globalThis as unknown as Chrome).chrome.storage.sync.set(held),
      items,
    );
    const there = await work.context.newPage();
    await there.goto(`chrome-extension://${work.extensionId}/options.html`);
    await expect(there.getByRole('list', { name: 'Your topics' })).toContainText('rare earths', {
      timeout: 10_000,
    });
    await expect(there.getByRole('combobox', { name: 'Mark style' })).toHaveValue('tint');

    // Unfollowed there: the removal is in the area for the first browser to take.
    await there.getByRole('button', { name: 'Stop following rare earths' }).click();
    await expect
      .poll(async () => JSON.stringify(await syncArea(work.worker)), { timeout: 10_000 })
      .not.toContain('"title":"rare earths"');
  } finally {
    rmSync(secondDir, { recursive: true, force: true });
  }
});

test('when the sync space is full, the options page says so and nothing is lost', async ({
  launch,
}) => {
  const { context, extensionId, worker } = await launch();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // A backup with 600 topics of long names: far more than the browser's 100 kB sync space.
  const topics = Array.from({ length: 600 }, (_, index) => ({
    key: `query:topic ${index}`,
    kind: 'query',
    title: `A long topic name that takes room, number ${index}`,
    query: `topic ${index}`,
    subscribedAt: index,
    notify: false,
  }));
  const backup = {
    format: 'gloss-backup',
    version: 1,
    exportedAt: '',
    settings: {},
    topics,
    choices: [],
  };
  await options.getByLabel('Import settings and topics from a file').setInputFiles({
    name: 'gloss-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(options.locator('#sync-status')).toContainText('no longer fit', { timeout: 10_000 });
  await expect(options.locator('#sync-status')).toContainText('kept on this browser only');
  await expect(
    options.getByRole('list', { name: 'Your topics' }).getByRole('listitem'),
  ).toHaveCount(600);
  expect(JSON.stringify(await syncArea(worker))).not.toContain('number 599');
});
