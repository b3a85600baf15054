// First: it installs the in-memory IndexedDB before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../core/settings';
import type { SyncLimits, SyncState, SyncStatus } from '../../../core/sync';
import { GlossDb } from '../../../data/db';
import { createSync, type SyncArea } from '../../../services/sync';

/** One sync area shared by the reader's browsers (the account's, in real life). */
function sharedArea(): SyncArea & { items: Record<string, unknown>; writes: number } {
  const area = {
    items: {} as Record<string, unknown>,
    writes: 0,
    get: async () => structuredClone(area.items),
    set: async (items: Record<string, unknown>) => {
      area.writes += 1;
      Object.assign(area.items, structuredClone(items));
    },
    remove: async (keys: string[]) => {
      for (const key of keys) delete area.items[key];
    },
  };
  return area;
}

const opened: GlossDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A browser of the reader's: its own database and settings, the shared area, its own clock. */
function browserOn(area: SyncArea, clock: { now: number }, limits?: SyncLimits) {
  const db = new GlossDb(`sync-${Math.random()}`);
  opened.push(db);
  const state = {
    db,
    settings: structuredClone(DEFAULT_SETTINGS) as Settings,
    known: {} as SyncState,
    status: undefined as SyncStatus | undefined,
  };
  const { sync } = createSync({
    db,
    area,
    readSettings: async () => structuredClone(state.settings),
    writeSettings: async (value) => void (state.settings = value),
    unsubscribe: async (key) => {
      await db.subscriptions.delete(key);
    },
    known: { get: async () => state.known, set: async (value) => void (state.known = value) },
    report: async (status) => void (state.status = status),
    now: () => clock.now,
    ...(limits ? { limits } : {}),
  });
  return { ...state, state, sync };
}

const topic = (key: string, title: string) => ({
  key,
  kind: 'entity' as const,
  title,
  query: title,
  subscribedAt: 1,
  notify: false,
});

describe('settings, topics and choices that follow the reader', () => {
  it("brings one browser's topics, choices and settings to another, and not its history", async () => {
    const area = sharedArea();
    const clock = { now: 1_000 };
    const home = browserOn(area, clock);
    await home.db.subscriptions.put({ ...topic('en:ASEAN', 'ASEAN'), lastCheckedAt: 900 });
    await home.db.choices.put({
      site: 'news.example',
      alias: 'karen',
      key: 'en:Karen_people',
      title: 'Karen people',
      chosenAt: 5,
    });
    await home.db.readings.put({
      key: 'en:ASEAN',
      url: 'https://news.example/a',
      title: 'A',
      seenAt: 5,
    });
    home.state.settings.markMode = 'first';
    expect(await home.sync()).toMatchObject({ state: 'synced' });

    // A new install: its defaults do not overwrite what the reader chose elsewhere.
    clock.now = 2_000;
    const work = browserOn(area, clock);
    expect(await work.sync()).toMatchObject({ state: 'synced' });
    expect(work.state.settings.markMode).toBe('first');
    expect(await work.db.subscriptions.toArray()).toEqual([topic('en:ASEAN', 'ASEAN')]);
    expect((await work.db.choices.toArray()).map((choice) => choice.key)).toEqual([
      'en:Karen_people',
    ]);
    expect(await work.db.readings.count()).toBe(0);
    expect(JSON.stringify(area.items)).not.toContain('news.example/a');
  });

  it('carries a removal, keeps the later change per item, and loses neither side', async () => {
    const area = sharedArea();
    const clock = { now: 1_000 };
    const home = browserOn(area, clock);
    await home.db.subscriptions.bulkPut([
      topic('en:ASEAN', 'ASEAN'),
      topic('en:Myanmar', 'Myanmar'),
    ]);
    await home.sync();
    const work = browserOn(area, clock);
    await work.sync();

    // Both change, at different times: home unfollows Myanmar, then work changes a setting and
    // follows Thailand.
    clock.now = 2_000;
    await home.db.subscriptions.delete('en:Myanmar');
    await home.sync();
    clock.now = 3_000;
    work.state.settings.markStyle = 'tint';
    await work.db.subscriptions.put(topic('en:Thailand', 'Thailand'));
    await work.sync();
    clock.now = 4_000;
    await home.sync();

    for (const browser of [home, work]) {
      const keys = (await browser.db.subscriptions.toArray()).map((t) => t.key).sort();
      expect(keys).toEqual(['en:ASEAN', 'en:Thailand']);
    }
    expect(home.state.settings.markStyle).toBe('tint');
  });

  it("keeps two browsers' changes to different settings, each the later of its own", async () => {
    const area = sharedArea();
    const clock = { now: 1_000 };
    const home = browserOn(area, clock);
    await home.sync();
    const work = browserOn(area, clock);
    await work.sync();
    clock.now = 2_000;
    home.state.settings.markStyle = 'tint';
    clock.now = 3_000;
    work.state.settings.disabledSites = ['mail.example'];
    await work.sync();
    await home.sync();
    await work.sync();
    for (const browser of [home, work]) {
      expect(browser.state.settings.markStyle).toBe('tint');
      expect(browser.state.settings.disabledSites).toEqual(['mail.example']);
    }
  });

  it('writes nothing when nothing changed', async () => {
    const area = sharedArea();
    const home = browserOn(area, { now: 1_000 });
    await home.db.subscriptions.put(topic('en:ASEAN', 'ASEAN'));
    await home.sync();
    const writes = area.writes;
    await home.sync();
    await home.sync();
    expect(area.writes).toBe(writes);
  });

  it('tells the reader when the area is full, and keeps everything on this device', async () => {
    const area = sharedArea();
    const small = { itemBytes: 8_192, totalBytes: 4_000, items: 512 };
    const home = browserOn(area, { now: 1_000 }, small);
    for (let index = 0; index < 100; index += 1)
      await home.db.subscriptions.put(
        topic(`en:Topic_${index}`, `A topic with a longish title ${index}`),
      );
    const status = await home.sync();
    expect(status).toMatchObject({ state: 'full', limit: 4_000 });
    expect(home.state.status).toEqual(status);
    expect(await home.db.subscriptions.count()).toBe(100);
    expect(area.items).toEqual({});
  });

  it('reports a failing area instead of throwing, and takes nothing malformed', async () => {
    const area = sharedArea();
    const home = browserOn(area, { now: 1_000 });
    area.set = async () => {
      throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    };
    await home.db.subscriptions.put(topic('en:ASEAN', 'ASEAN'));
    expect(await home.sync()).toMatchObject({
      state: 'failed',
      detail: expect.stringContaining('quota'),
    });

    const other = sharedArea();
    other.items = {
      'gloss.head': { format: 1, pieces: 1 },
      'gloss.0': JSON.stringify({
        'topic:en:Good': { at: 5, value: topic('en:Good', 'Good') },
        'topic:en:Bad': { at: 5, value: { key: 'en:Else', title: 'Bad' } },
        'choice:x': { at: 5, value: { site: 1 } },
        'setting:markMode': { at: 5, value: null },
        'setting:markStyle': { at: 5, value: 'blink' },
        'setting:surprise': { at: 5, value: 'x' },
        surprise: { at: 5, value: 'x' },
      }),
    };
    const fresh = browserOn(other, { now: 1_000 });
    await fresh.sync();
    expect((await fresh.db.subscriptions.toArray()).map((t) => t.key)).toEqual(['en:Good']);
    // A mark style no release knows is read as the default.
    expect(fresh.state.settings).toEqual(DEFAULT_SETTINGS);
  });
});
