import Dexie, { type EntityTable } from 'dexie';
import type { EntitySummary } from '../core/entity';

/** One article's summary as fetched, with when it was fetched and last shown. */
export interface EntityRecord {
  key: string;
  summary: EntitySummary;
  fetchedAt: number;
  lastUsedAt: number;
}

/**
 * What a name (normalised) was found to mean. `key: null` remembers a miss, so a name that is not
 * an article is not asked about again on every page (a negative cache; see services/entities.ts).
 */
export interface AliasRecord {
  alias: string;
  key: string | null;
  outcome: 'found' | 'missing' | 'ambiguous';
  checkedAt: number;
}

/** Gloss's database. Only the background opens it: a content script's IndexedDB is the page's. */
export class GlossDb extends Dexie {
  entities!: EntityTable<EntityRecord, 'key'>;
  aliases!: EntityTable<AliasRecord, 'alias'>;

  constructor(name = 'gloss') {
    super(name);
    // Each schema change adds a version here with an upgrade; versions are never edited once shipped.
    this.version(1).stores({
      entities: 'key, lastUsedAt',
      aliases: 'alias, checkedAt',
    });
  }
}
