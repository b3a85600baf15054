import { AliasMatcher } from '../core/alias-matcher';
import { packNames } from '../core/name-spotting';
import { ALIAS_PACK_VERSION } from '../data/alias-pack';
import type { GlossDb } from '../data/db';

/** Where the index is kept, and under which format: another format is built anew. */
const META_NAME = 'knownNames';
const FORMAT = `1/pack-${ALIAS_PACK_VERSION}`;
/** Names learnt at most: past this the index stops growing (about 8 MB at this size). */
export const MAX_KNOWN_NAMES = 100_000;
/** Learnt names are written at most this often: one write for a page's batches, not one each. */
export const SAVE_AFTER_MS = 5_000;

export interface KnownNamesDeps {
  db: GlossDb;
  schedule?: (run: () => void, ms: number) => unknown;
}

/**
 * The index of known names the background reads pages with: the bundled pack's, and every name a
 * page spelt and Wikipedia confirmed. Kept in IndexedDB as the matcher's own table, so a service
 * worker that starts again loads it instead of building it.
 */
export function createKnownNames({ db, schedule = setTimeout }: KnownNamesDeps) {
  let loading: Promise<AliasMatcher> | undefined;
  let saving = false;

  async function load(): Promise<AliasMatcher> {
    try {
      const record = (await db.meta.get(META_NAME))?.value as
        { format?: unknown; table?: unknown } | undefined;
      if (record?.format === FORMAT) return AliasMatcher.load(record.table);
    } catch (error) {
      console.warn('Gloss builds its index of known names anew:', error);
    }
    return AliasMatcher.build(packNames());
  }

  /** The index, loaded (or built) on first use. */
  const matcher = () => (loading ??= load());

  function saveSoon(known: AliasMatcher) {
    if (saving) return;
    saving = true;
    schedule(() => {
      saving = false;
      db.meta
        .put({ name: META_NAME, value: { format: FORMAT, table: known.save() } })
        .catch((error: unknown) => console.warn('Gloss could not keep its known names:', error));
    }, SAVE_AFTER_MS);
  }

  /** Adds names a page spelt and Wikipedia confirmed; kept a few seconds later. */
  async function learn(names: Iterable<string>): Promise<void> {
    const known = await matcher();
    const before = known.count;
    for (const name of names) if (known.count < MAX_KNOWN_NAMES) known.add(name);
    if (known.count > before) saveSoon(known);
  }

  return { matcher, learn };
}
