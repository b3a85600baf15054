import { normaliseAlias } from '../core/alias';
import { ORGANISATION_ALIASES } from '../core/organisations';
import { PLACE_ALIASES } from '../core/generated/places';
import { aliasId } from '../core/wikis';
import type { AliasRecord, GlossDb } from './db';

/** Raise when the pack's content changes, so existing databases take the new entries. */
export const ALIAS_PACK_VERSION = 1;

/**
 * Seeds the alias index with the bundled pack (countries, their other names and capitals, major
 * international organisations) as candidates to be confirmed against Wikipedia on first use.
 * Names the index already knows keep what Wikipedia said of them.
 */
export async function seedAliasPack(db: GlossDb, now: number): Promise<number> {
  const seeded = await db.meta.get('aliasPack');
  if (seeded?.value === ALIAS_PACK_VERSION) return 0;
  const records = new Map<string, AliasRecord>();
  for (const [alias, title] of [...PLACE_ALIASES, ...ORGANISATION_ALIASES]) {
    // The pack's titles are English Wikipedia's.
    const key = aliasId('en', normaliseAlias(alias));
    if (!records.has(key)) {
      records.set(key, {
        alias: key,
        outcome: 'candidate',
        key: null,
        title,
        source: 'pack',
        score: 1,
        checkedAt: now,
      });
    }
  }
  return db.transaction('rw', db.aliases, db.meta, async () => {
    const known = new Set(
      (await db.aliases.bulkGet([...records.keys()])).flatMap((record) =>
        record ? [record.alias] : [],
      ),
    );
    const fresh = [...records.values()].filter((record) => !known.has(record.alias));
    await db.aliases.bulkPut(fresh);
    await db.meta.put({ name: 'aliasPack', value: ALIAS_PACK_VERSION });
    return fresh.length;
  });
}
