import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossDb } from '../../../data/db';
import {
  createKnownNames,
  MAX_NAMES_PER_SITE,
  MAX_SITES,
  SAVE_AFTER_MS,
} from '../../../services/known-names';

let db: GlossDb;
beforeEach(() => {
  db = new GlossDb(`known-${Math.random()}`);
});
afterEach(() => db.delete());

/** Known names whose saves run when `flush` is called, not on a timer. */
function knownNames() {
  const pending: Array<() => void> = [];
  const delays: number[] = [];
  let clock = 1_000;
  const names = createKnownNames({
    db,
    now: () => (clock += 1),
    schedule: (run, ms) => {
      pending.push(run);
      delays.push(ms);
    },
  });
  const flush = async () => {
    const before = (await db.meta.get('learntNameSites'))?.value;
    for (const run of pending.splice(0)) run();
    // The write itself is asynchronous: wait until the list of sites has changed.
    await vi.waitFor(async () =>
      expect((await db.meta.get('learntNameSites'))?.value).not.toEqual(before),
    );
  };
  return { ...names, flush, delays };
}
const found = async (names: ReturnType<typeof knownNames>, site: string, text: string) =>
  (await names.matcher(site)).find(text).map((match) => match.surface);

describe('the known names the background reads pages with', () => {
  it('starts from the bundled pack, the same on every site', async () => {
    const names = knownNames();
    for (const site of ['news.example', 'other.example'])
      expect(await found(names, site, 'Talks in NAYPYIDAW and at the UNITED NATIONS')).toEqual([
        'NAYPYIDAW',
        'UNITED NATIONS',
      ]);
  });

  it('finds a name a site taught on that site only', async () => {
    const names = knownNames();
    await names.learn('news.example', ['Min Aung Hlaing']);
    const text = 'MIN AUNG HLAING met officials in Myanmar';
    expect(await found(names, 'news.example', text)).toEqual(['MIN AUNG HLAING', 'Myanmar']);
    expect(await found(names, 'probe.example', text)).toEqual(['Myanmar']);
  });

  it('keeps the names it learns, so a worker that starts again knows them', async () => {
    const first = knownNames();
    await first.learn('news.example', ['Min Aung Hlaing']);
    expect(first.delays).toEqual([SAVE_AFTER_MS]);
    await first.flush();
    const restarted = knownNames();
    expect(await found(restarted, 'news.example', 'MIN AUNG HLAING met officials')).toEqual([
      'MIN AUNG HLAING',
    ]);
  });

  it('writes once for many names learnt together, and not at all for names it knew', async () => {
    const names = knownNames();
    await names.learn('news.example', ['Myanmar']);
    expect(names.delays).toEqual([]);
    await names.learn('news.example', ['Aung San Suu Kyi', 'National League for Democracy']);
    await names.learn('news.example', ['Tatmadaw']);
    expect(names.delays).toHaveLength(1);
  });

  it('lets a site fill only its own share, and forgets the site that taught longest ago', async () => {
    const names = knownNames();
    await names.learn('reader.example', ['Min Aung Hlaing']);
    await names.flush();
    const flood = Array.from({ length: MAX_NAMES_PER_SITE + 500 }, (_, i) => `Flood Name${i}`);
    await names.learn('flood.example', flood);
    await names.flush();
    expect(((await db.meta.get('learntNames:flood.example'))?.value as string[]).length).toBe(
      MAX_NAMES_PER_SITE,
    );
    expect(await found(names, 'reader.example', 'Min Aung Hlaing')).toEqual(['Min Aung Hlaing']);
    // A page cycling through sites pushes out only the oldest of them, one per site past the cap.
    for (let site = 0; site < MAX_SITES; site += 1)
      await names.learn(`s${site}.example`, ['Zed Q']);
    await names.flush();
    expect(await db.meta.get('learntNames:reader.example')).toBeUndefined();
    expect(await db.meta.get('learntNames:s0.example')).toBeDefined();
  });

  it('deletes the index that once held every site’s names together', async () => {
    await db.meta.put({ name: 'knownNames', value: { format: '1/pack-1', table: {} } });
    expect(await found(knownNames(), 'news.example', 'in Myanmar')).toEqual(['Myanmar']);
    expect(await db.meta.get('knownNames')).toBeUndefined();
  });
});
