import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlossDb } from '../../../data/db';
import { createKnownNames, SAVE_AFTER_MS } from '../../../services/known-names';

let db: GlossDb;
beforeEach(() => {
  db = new GlossDb(`known-${Math.random()}`);
});
afterEach(() => db.delete());

/** Known names whose saves run when `flush` is called, not on a timer. */
function knownNames() {
  const pending: Array<() => void> = [];
  const delays: number[] = [];
  const names = createKnownNames({
    db,
    schedule: (run, ms) => {
      pending.push(run);
      delays.push(ms);
    },
  });
  const flush = async () => {
    for (const run of pending.splice(0)) run();
    // The write itself is asynchronous: wait until the record is there.
    await vi.waitFor(async () => expect(await db.meta.get('knownNames')).toBeDefined());
  };
  return { ...names, flush, delays };
}
const found = async (names: ReturnType<typeof knownNames>, text: string) =>
  (await names.matcher()).find(text).map((match) => match.surface);

describe('the known names the background reads pages with', () => {
  it('starts from the bundled pack', async () => {
    expect(await found(knownNames(), 'Talks in NAYPYIDAW and at the UNITED NATIONS')).toEqual([
      'NAYPYIDAW',
      'UNITED NATIONS',
    ]);
  });

  it('keeps the names it learns, so a worker that starts again knows them', async () => {
    const first = knownNames();
    await first.learn(['Min Aung Hlaing']);
    expect(first.delays).toEqual([SAVE_AFTER_MS]);
    await first.flush();
    const restarted = knownNames();
    expect(await found(restarted, 'MIN AUNG HLAING met officials in Myanmar')).toEqual([
      'MIN AUNG HLAING',
      'Myanmar',
    ]);
  });

  it('writes once for many names learnt together, and not at all for names it knew', async () => {
    const names = knownNames();
    await names.learn(['Myanmar']);
    expect(names.delays).toEqual([]);
    await names.learn(['Aung San Suu Kyi', 'National League for Democracy']);
    await names.learn(['Tatmadaw']);
    expect(names.delays).toHaveLength(1);
  });

  it('builds anew from the pack when the kept index is damaged, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await db.meta.put({
      name: 'knownNames',
      value: { format: '1/pack-1', table: { keys: new Int32Array(1024), text: 7 } },
    });
    expect(await found(knownNames(), 'in Myanmar')).toEqual(['Myanmar']);
    expect(warn).toHaveBeenCalledWith(
      'Gloss builds its index of known names anew:',
      expect.any(Error),
    );
    warn.mockRestore();
  });

  it('builds anew when the kept index is of another format', async () => {
    const old = knownNames();
    await old.learn(['Min Aung Hlaing']);
    await old.flush();
    const record = await db.meta.get('knownNames');
    await db.meta.put({ ...record!, value: { ...(record!.value as object), format: '0' } });
    expect(await found(knownNames(), 'Min Aung Hlaing in Myanmar')).toEqual(['Myanmar']);
  });
});
