import type { AliasRecord, GlossDb } from './db';

/** Aliases remembered at most; past this the memory starts over (a miss costs one read). */
const MAX_REMEMBERED = 20_000;

/**
 * The alias records read lately, kept in memory: a page's hundred names are one IndexedDB request
 * each (a bulkGet of 150 took 20–50 ms here), while news pages name the same people all day.
 * Every write to the table (only the background writes it) forgets what it touched, as it starts
 * and as it ends, so the memory never answers other than the database would.
 */
export function createAliasMemo(db: GlossDb) {
  /** By alias: the record, or null for an alias the database does not hold. */
  const remembered = new Map<string, AliasRecord | null>();
  /** Counts changes to the table: a read that overlapped one does not remember what it read. */
  let changes = 0;
  const stop = db.onWrite('aliases', (touched) => {
    changes += 1;
    if (touched === 'all') remembered.clear();
    else for (const alias of touched) remembered.delete(alias as string);
  });

  /** The records of `aliases`, in order (undefined where there is none). */
  async function bulkGet(aliases: readonly string[]): Promise<Array<AliasRecord | undefined>> {
    const unknown = aliases.filter((alias) => !remembered.has(alias));
    const read = new Map<string, AliasRecord | null>();
    if (unknown.length > 0) {
      const before = changes;
      const records = await db.aliases.bulkGet(unknown);
      // The table changed while it was read: the database alone answers, and nothing is kept.
      if (changes !== before) return db.aliases.bulkGet([...aliases]);
      unknown.forEach((alias, index) => read.set(alias, records[index] ?? null));
    }
    const answer = aliases.map((alias) => read.get(alias) ?? remembered.get(alias) ?? undefined);
    if (remembered.size + read.size > MAX_REMEMBERED) remembered.clear();
    for (const [alias, record] of read) remembered.set(alias, record);
    return answer;
  }

  /**
   * Writes `records` and remembers them once written: the names a page just taught are read again
   * by the next page that names them, from here.
   */
  async function bulkPut(records: readonly AliasRecord[]): Promise<void> {
    await db.aliases.bulkPut([...records]);
    if (remembered.size + records.length > MAX_REMEMBERED) remembered.clear();
    for (const record of records) remembered.set(record.alias, record);
  }

  return { bulkGet, bulkPut, close: stop };
}

export type AliasMemo = ReturnType<typeof createAliasMemo>;
