// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, useServices } from './setup';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import { createHousekeeping } from '../../../services/housekeeping';

const test = useServices(4_000_000);

function chores(start: Settings = DEFAULT_SETTINGS) {
  let stored = start;
  const service = createHousekeeping({
    db: test.db,
    cache: test.cache,
    http: http(),
    readSettings: async () => stored,
    writeSettings: async (value) => void (stored = value),
    storageBytes: async () => 1234,
    now: () => test.clock,
  });
  return { service, settings: () => stored };
}

const topic = {
  key: 'en:ASEAN',
  kind: 'entity' as const,
  title: 'ASEAN',
  query: 'ASEAN',
  subscribedAt: 1,
  notify: false,
};

describe('housekeeping', () => {
  it('exports settings, topics and choices, and imports them back into an empty profile', async () => {
    const { service } = chores({ ...DEFAULT_SETTINGS, markMode: 'first' });
    await test.db.subscriptions.put(topic);
    await test.db.choices.put({
      site: 'a.example',
      alias: 'karen',
      key: 'en:Karen_State',
      title: 'Karen State',
      chosenAt: 2,
    });
    const file = JSON.stringify(await service.exportData());

    await test.db.subscriptions.clear();
    await test.db.choices.clear();
    const fresh = chores();
    expect(await fresh.service.importData(file)).toEqual({
      ok: true,
      value: { topics: 1, choices: 1 },
    });
    expect(fresh.settings().markMode).toBe('first');
    expect(await test.db.subscriptions.get('en:ASEAN')).toEqual(topic);
    expect(await test.db.choices.count()).toBe(1);
  });

  it('changes nothing when the file is corrupt', async () => {
    const { service, settings } = chores();
    await test.db.subscriptions.put(topic);
    const answer = await service.importData(
      '{"format":"gloss-backup","version":1,"topics":[{"key":',
    );
    expect(answer.ok).toBe(false);
    expect(settings()).toBe(DEFAULT_SETTINGS);
    expect(await test.db.subscriptions.toArray()).toEqual([topic]);
  });

  it('checks settings field by field, and a feed by reading it', async () => {
    const { service } = chores();
    expect(
      await service.updateSettings({ markMode: 'sometimes' as 'first', hoverDelayMs: 800 }),
    ).toMatchObject({
      markMode: 'every',
      hoverDelayMs: 800,
    });
    expect(await service.checkFeed(`${test.server.origin}/feeds/region-watch.atom`)).toEqual({
      ok: true,
      value: { title: 'Region Watch', articles: 2 },
    });
    expect(await service.checkFeed(`${test.server.origin}/pages/myanmar-junta.html`)).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^The feed sent something Gloss could not read: not a well-formed feed: /,
      ),
    });
  });

  it('clears the cache but keeps the bundled names and the reader’s own data', async () => {
    const { service } = chores();
    await test.db.subscriptions.put(topic);
    await test.db.aliases.bulkPut([
      { alias: 'burma', outcome: 'candidate', key: null, source: 'pack', score: 1, checkedAt: 1 },
      {
        alias: 'nobody',
        outcome: 'missing',
        key: null,
        source: 'wikipedia',
        score: 1,
        checkedAt: 1,
      },
    ]);
    await test.db.related.put({ key: 'en:ASEAN', articles: [], fetchedAt: 1 });
    await service.clearCache();
    expect(await service.stats()).toEqual({
      entities: 0,
      aliases: 1,
      facts: 0,
      related: 0,
      bytes: 1234,
    });
    expect(await test.db.subscriptions.count()).toBe(1);
  });

  it('deletes the reading history when "In your reading" is turned off, and only then', async () => {
    const { service } = chores();
    const reading = { key: 'en:ASEAN', url: 'https://news.example/a', title: 'A', seenAt: 1 };
    await test.db.readings.add(reading);
    await service.updateSettings({ markMode: 'first' });
    expect(await test.db.readings.count()).toBe(1);
    await service.updateSettings({ rememberReading: false });
    expect(await test.db.readings.count()).toBe(0);
    // A backup that turns it off does the same.
    const on = chores();
    await test.db.readings.add(reading);
    const file = JSON.stringify({
      format: 'gloss-backup',
      version: 1,
      settings: { ...DEFAULT_SETTINGS, rememberReading: false },
      topics: [],
      choices: [],
    });
    expect((await on.service.importData(file)).ok).toBe(true);
    expect(await test.db.readings.count()).toBe(0);
  });
});
