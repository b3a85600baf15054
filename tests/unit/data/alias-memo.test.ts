import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keptUntilChanged } from '../../../core/memo';
import { createAliasMemo, type AliasMemo } from '../../../data/alias-memo';
import { GlossDb, type AliasRecord } from '../../../data/db';

let db: GlossDb;
let memo: AliasMemo;
beforeEach(() => {
  db = new GlossDb(`memo-${Math.random()}`);
  memo = createAliasMemo(db);
});
afterEach(async () => {
  memo.close();
  await db.delete();
});

const found = (alias: string, title: string, source: AliasRecord['source'] = 'wikipedia') =>
  ({
    alias,
    outcome: 'found',
    key: `en:${title.replace(/ /g, '_')}`,
    title,
    source,
    score: 1,
    checkedAt: 1,
  }) satisfies AliasRecord;

describe('the alias memo', () => {
  it('answers in order, undefined where the database holds nothing', async () => {
    await db.aliases.bulkPut([found('asean', 'ASEAN'), found('myanmar', 'Myanmar')]);
    const records = await memo.bulkGet(['myanmar', 'nobody', 'asean']);
    expect(records.map((record) => record?.title)).toEqual(['Myanmar', undefined, 'ASEAN']);
  });

  it('reads each alias from the database once, absent ones included', async () => {
    await db.aliases.put(found('asean', 'ASEAN'));
    const reads = vi.spyOn(db.aliases, 'bulkGet');
    await memo.bulkGet(['asean', 'nobody']);
    const again = await memo.bulkGet(['nobody', 'asean']);
    expect(again.map((record) => record?.title)).toEqual([undefined, 'ASEAN']);
    expect(reads).toHaveBeenCalledTimes(1);
    await memo.bulkGet(['asean', 'myanmar']);
    expect(reads).toHaveBeenLastCalledWith(['myanmar']);
  });

  it('sees what is written after it read: new, changed and deleted aliases', async () => {
    await db.aliases.bulkPut([found('georgia', 'Georgia (country)'), found('burma', 'Myanmar')]);
    await memo.bulkGet(['georgia', 'burma', 'asean']);
    await db.aliases.put(found('asean', 'ASEAN'));
    await db.aliases.update('georgia', { title: 'Georgia (U.S. state)' });
    await db.aliases.delete('burma');
    const records = await memo.bulkGet(['georgia', 'burma', 'asean']);
    expect(records.map((record) => record?.title)).toEqual([
      'Georgia (U.S. state)',
      undefined,
      'ASEAN',
    ]);
  });

  it('forgets everything a filtered delete (clearing the cache) may have touched', async () => {
    await db.aliases.bulkPut([found('burma', 'Myanmar', 'pack'), found('asean', 'ASEAN')]);
    await memo.bulkGet(['burma', 'asean']);
    await db.aliases.filter((alias) => alias.source !== 'pack').delete();
    const records = await memo.bulkGet(['burma', 'asean']);
    expect(records.map((record) => record?.title)).toEqual(['Myanmar', undefined]);
  });

  it('never keeps what it read while the table changed under it', async () => {
    const reading = memo.bulkGet(['asean']);
    await db.aliases.put(found('asean', 'ASEAN'));
    await reading;
    expect((await memo.bulkGet(['asean']))[0]?.title).toBe('ASEAN');
  });

  it('answers what it wrote itself without reading it back, and the database holds it', async () => {
    await memo.bulkGet(['asean', 'burma']);
    await memo.bulkPut([found('asean', 'ASEAN'), found('burma', 'Myanmar')]);
    const reads = vi.spyOn(db.aliases, 'bulkGet');
    const records = await memo.bulkGet(['burma', 'asean']);
    expect(records.map((record) => record?.title)).toEqual(['Myanmar', 'ASEAN']);
    expect(reads).not.toHaveBeenCalled();
    expect((await db.aliases.get('asean'))?.title).toBe('ASEAN');
  });

  it('remembers nothing of a write that failed', async () => {
    await memo.bulkGet(['asean']);
    vi.spyOn(db.aliases, 'bulkPut').mockRejectedValueOnce(new Error('storage is full'));
    await expect(memo.bulkPut([found('asean', 'ASEAN')])).rejects.toThrow('storage is full');
    expect((await memo.bulkGet(['asean']))[0]).toBeUndefined();
  });

  it('ignores changes to other tables and other databases', async () => {
    const other = new GlossDb(`memo-other-${Math.random()}`);
    await db.aliases.put(found('asean', 'ASEAN'));
    await memo.bulkGet(['asean']);
    const reads = vi.spyOn(db.aliases, 'bulkGet');
    await other.aliases.put(found('asean', 'Association of Southeast Asian Nations'));
    await db.meta.put({ name: 'x', value: 1 } as never);
    expect((await memo.bulkGet(['asean']))[0]?.title).toBe('ASEAN');
    expect(reads).not.toHaveBeenCalled();
    await other.delete();
  });
});

describe('a kept read', () => {
  it('reads once, and again after its table is written, not after other tables are', async () => {
    const read = vi.fn(() => db.choices.toArray());
    const choices = keptUntilChanged(read, (forget) => db.onWrite('choices', forget));
    expect(await choices()).toEqual([]);
    await db.aliases.put(found('georgia', 'Georgia (country)'));
    expect(await choices()).toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
    const choice = { site: 'ajc.com', alias: 'georgia', key: 'en:Georgia_(U.S._state)' };
    await db.choices.put({ ...choice, title: 'Georgia (U.S. state)', chosenAt: 1 });
    expect((await choices()).map((record) => record.key)).toEqual([choice.key]);
    await db.choices.delete([choice.site, choice.alias]);
    expect(await choices()).toEqual([]);
    expect(read).toHaveBeenCalledTimes(3);
  });
});
