import { GlossDb } from '../data/db';

/**
 * The extension's database, opened by a page only to read (the background writes), so lists update
 * live. Every page of the extension shares the background's origin, hence its IndexedDB.
 */
export const db = new GlossDb();
