import { describe, expect, it } from 'vitest';
import {
  decodeSync,
  encodeSync,
  mergeSync,
  stalePieces,
  stampLocal,
  SYNC_HEAD,
  SYNC_LIMITS,
  type SyncState,
} from '../../../core/sync';

/** Bytes an item takes as Chrome counts them: its key and its value as JSON. */
const itemBytes = (key: string, value: unknown) =>
  new TextEncoder().encode(key + JSON.stringify(value)).length;

describe('the sync area layout', () => {
  it('cuts a large state into pieces that each fit one item, and reads it back whole', () => {
    const state: SyncState = {};
    // Quotes, backslashes, accents, scripts of other languages and emoji cost more than a byte.
    for (let index = 0; index < 300; index += 1)
      state[`topic:en:Topic_${index}`] = {
        at: index,
        value: {
          title: `Naypyidaw "capital" \\ Đà Nẵng 東京 🙂 ${index}`,
          notify: index % 2 === 0,
        },
      };
    const encoded = encodeSync(state);
    if (!encoded.ok) throw new Error('expected it to fit');
    const keys = Object.keys(encoded.items);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.length).toBeLessThanOrEqual(SYNC_LIMITS.items);
    for (const [key, value] of Object.entries(encoded.items))
      expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_LIMITS.itemBytes);
    const total = Object.entries(encoded.items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(SYNC_LIMITS.totalBytes);
    expect(decodeSync(encoded.items)).toEqual(state);
  });

  it('refuses a state larger than the area, saying by how much', () => {
    const state: SyncState = {};
    for (let index = 0; index < 2_000; index += 1)
      state[`topic:en:T${index}`] = { at: 1, value: { title: 'x'.repeat(60) } };
    const encoded = encodeSync(state);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.bytes).toBeGreaterThan(encoded.limit);
  });

  it('reads nothing from an empty area, a newer layout, or one caught half-written', () => {
    const encoded = encodeSync({ settings: { at: 1, value: { markMode: 'first' } } });
    if (!encoded.ok) throw new Error('expected it to fit');
    expect(decodeSync({})).toBeUndefined();
    expect(decodeSync({ ...encoded.items, [SYNC_HEAD]: { format: 2, pieces: 1 } })).toBeUndefined();
    expect(decodeSync({ [SYNC_HEAD]: { format: 1, pieces: 2 }, 'gloss.0': '{' })).toBeUndefined();
    expect(decodeSync({ [SYNC_HEAD]: { format: 1, pieces: 1 }, 'gloss.0': '[1]' })).toBeUndefined();
  });

  it('names the pieces a shorter state leaves over', () => {
    expect(
      stalePieces(
        { [SYNC_HEAD]: {}, 'gloss.0': 'a', 'gloss.1': 'b', other: 1 },
        { 'gloss.0': 'c' },
      ),
    ).toEqual(['gloss.1']);
  });
});

describe('stamping and merging', () => {
  it('stamps only what changed, and a removal as a gap', () => {
    const known: SyncState = {
      settings: { at: 5, value: { markMode: 'every' } },
      'topic:en:A': { at: 5, value: { title: 'A' } },
      'topic:en:B': { at: 5, value: { title: 'B' } },
    };
    const stamped = stampLocal(
      {
        settings: { markMode: 'first' },
        'topic:en:A': { title: 'A' },
        'topic:en:C': { title: 'C' },
      },
      known,
      9,
    );
    expect(stamped).toEqual({
      settings: { at: 9, value: { markMode: 'first' } },
      'topic:en:A': { at: 5, value: { title: 'A' } },
      'topic:en:B': { at: 9, value: null },
      'topic:en:C': { at: 9, value: { title: 'C' } },
    });
  });

  it('keeps the later change of each item, and never one item for another', () => {
    const local: SyncState = {
      settings: { at: 10, value: { markMode: 'first' } },
      'topic:en:A': { at: 3, value: { title: 'A', notify: false } },
    };
    const remote: SyncState = {
      settings: { at: 8, value: { markMode: 'every' } },
      'topic:en:A': { at: 7, value: { title: 'A', notify: true } },
      'topic:en:B': { at: 2, value: null },
    };
    const { merged, apply } = mergeSync(local, remote);
    expect(merged.settings!.value).toEqual({ markMode: 'first' });
    expect(merged['topic:en:A']!.value).toEqual({ title: 'A', notify: true });
    expect(apply).toEqual([
      ['topic:en:A', { title: 'A', notify: true }],
      ['topic:en:B', null],
    ]);
  });

  it('settles changes stamped alike the same way in both browsers', () => {
    const a: SyncState = { settings: { at: 0, value: { markMode: 'first' } } };
    const b: SyncState = { settings: { at: 0, value: { markMode: 'every' } } };
    expect(mergeSync(a, b).merged).toEqual(mergeSync(b, a).merged);
  });
});
