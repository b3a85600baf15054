// Runs inside Chromium (bundled by scripts/bench/index.ts): Gloss's own database class over the
// browser's real IndexedDB. Fills the alias table to the size asked, then times the look-ups the
// background makes for a page's names (bulkGet in batches) and a bulkGet of 200 entities.
import { normaliseAlias } from '../../core/alias';
import type { EntitySummary } from '../../core/entity';
import { GlossDb, type AliasRecord, type EntityRecord } from '../../data/db';

export interface IndexFigures {
  aliases: number;
  fillMs: number;
  lookupsPerSec: number;
  bulkGet200Ms: number;
}

const BATCH = 200;
const LOOKUP_SECONDS = 1;

const aliasOf = (index: number) => normaliseAlias(`Name Number ${index}`);

function summaryOf(index: number): EntitySummary {
  const title = `Name Number ${index}`;
  return {
    key: `en:${title.replaceAll(' ', '_')}`,
    lang: 'en',
    title,
    kind: 'standard',
    description: 'A stand-in entity for the benchmark',
    extract: 'A sentence or three of plain text, about as long as a real summary. '.repeat(4),
    pageUrl: `https://en.wikipedia.org/wiki/${title.replaceAll(' ', '_')}`,
    dir: 'ltr',
  };
}

async function run(aliasCount: number, medianOf: number): Promise<IndexFigures> {
  const name = `gloss-index-bench-${aliasCount}`;
  await GlossDb.delete(name);
  const db = new GlossDb(name);
  const now = Date.now();
  const fillStarted = performance.now();
  for (let from = 0; from < aliasCount; from += 10_000) {
    const aliases: AliasRecord[] = [];
    const entities: EntityRecord[] = [];
    for (let index = from; index < Math.min(aliasCount, from + 10_000); index += 1) {
      const summary = summaryOf(index);
      aliases.push({
        alias: aliasOf(index),
        outcome: 'found',
        key: summary.key,
        title: summary.title,
        source: 'wikipedia',
        score: 1,
        checkedAt: now,
      });
      // One entity in ten is cached, as after a while of reading.
      if (index % 10 === 0)
        entities.push({ key: summary.key, summary, fetchedAt: now, lastUsedAt: now });
    }
    await db.aliases.bulkPut(aliases);
    await db.entities.bulkPut(entities);
  }
  const fillMs = performance.now() - fillStarted;

  // A page's names: most known, some not (misses cost a look-up too).
  let asked = 0;
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const lookupStarted = performance.now();
  while (performance.now() - lookupStarted < LOOKUP_SECONDS * 1000) {
    const batch = Array.from({ length: BATCH }, () =>
      aliasOf(Math.floor(random() * aliasCount * 1.25)),
    );
    await db.aliases.bulkGet(batch);
    asked += batch.length;
  }
  const lookupsPerSec = asked / ((performance.now() - lookupStarted) / 1000);

  const times: number[] = [];
  for (let round = 0; round < medianOf; round += 1) {
    const keys = Array.from(
      { length: BATCH },
      () => summaryOf(Math.floor((random() * aliasCount) / 10) * 10).key,
    );
    const started = performance.now();
    await db.entities.bulkGet(keys);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  db.close();
  await GlossDb.delete(name);
  return {
    aliases: aliasCount,
    fillMs,
    lookupsPerSec,
    bulkGet200Ms: times[Math.floor(times.length / 2)]!,
  };
}

(globalThis as unknown as { glossIndexBench: typeof run }).glossIndexBench = run;
