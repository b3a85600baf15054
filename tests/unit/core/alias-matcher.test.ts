import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';

const matcher = AliasMatcher.build([
  'Myanmar',
  'Iran',
  'UN',
  'United Nations',
  'UN General Assembly',
  'WHO',
  "Côte d'Ivoire",
  'Min Aung Hlaing',
  '缅甸',
]);
const surfaces = (text: string) => matcher.find(text).map((match) => match.surface);

describe('the known-name matcher', () => {
  it('finds a name however it is capitalised, and tells which name it is', () => {
    const found = matcher.find('MYANMAR: the United nations and Myanmar');
    expect(found.map(({ surface, name }) => [surface, name])).toEqual([
      ['MYANMAR', 'Myanmar'],
      ['United nations', 'United Nations'],
      ['Myanmar', 'Myanmar'],
    ]);
  });

  it('gives string offsets of what it found', () => {
    const text = 'Troops of Senior General Min Aung Hlaing entered.';
    for (const { start, end, surface } of matcher.find(text))
      expect(text.slice(start, end)).toBe(surface);
    expect(surfaces(text)).toEqual(['Min Aung Hlaing']);
  });

  it('leaves a name written in lower case alone: there it is a word, or a slip', () => {
    expect(surfaces('myanmar and iran')).toEqual([]);
  });

  it('finds an acronym only in capitals', () => {
    expect(surfaces('Who said it? who knows. The WHO did; so did the Un')).toEqual(['WHO']);
  });

  it('takes the longest name, and no part of it again', () => {
    expect(surfaces('the UN General Assembly voted; the UN agreed')).toEqual([
      'UN General Assembly',
      'UN',
    ]);
  });

  it('matches whole words only', () => {
    expect(surfaces('Iranian officials at UNESCO and Myanmarese')).toEqual([]);
  });

  it('cuts a possessive and reads past typographic quotes', () => {
    expect(surfaces('Myanmar’s army met Côte d’Ivoire’s envoy')).toEqual([
      'Myanmar',
      'Côte d’Ivoire',
    ]);
  });

  it('finds names written in scripts without capitals', () => {
    expect(surfaces('在 缅甸 的')).toEqual(['缅甸']);
  });

  it('grows to any number of names and still finds each', () => {
    const names = Array.from({ length: 5000 }, (_, index) => `Name${index} Person${index % 7}`);
    const big = AliasMatcher.build(names);
    expect(big.count).toBe(5000);
    for (const name of [names[0]!, names[2500]!, names[4999]!])
      expect(big.find(`said ${name}, then`).map((match) => match.name)).toEqual([name]);
    expect(big.find('Name12 Person6')).toEqual([]);
  });

  it('works the same after being saved, copied as IndexedDB would, and loaded', () => {
    const loaded = AliasMatcher.load(structuredClone(matcher.save()));
    const text = 'The UN General Assembly, MYANMAR and the WHO';
    expect(loaded.find(text)).toEqual(matcher.find(text));
  });

  it('learns a name after it was built', () => {
    const growing = AliasMatcher.build(['Myanmar']);
    growing.add('Aung San Suu Kyi');
    growing.add('Myanmar');
    expect(growing.count).toBe(2);
    expect(growing.find('AUNG SAN SUU KYI of Myanmar').map((match) => match.name)).toEqual([
      'Aung San Suu Kyi',
      'Myanmar',
    ]);
  });

  it('only ever reports a known name, spelt the same in any case', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,4}$/);
    const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 30 }),
        fc.array(word, { maxLength: 60 }),
        (names, words) => {
          const known = AliasMatcher.build(names);
          const lower = new Set(names.map((item) => item.toLowerCase()));
          const text = words.join(' ');
          let previousEnd = 0;
          for (const match of known.find(text)) {
            expect(lower.has(match.surface.toLowerCase())).toBe(true);
            expect(match.name.toLowerCase()).toBe(match.surface.toLowerCase());
            expect(match.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = match.end;
          }
        },
      ),
    );
  });

  it('refuses a kept table it could not read safely', () => {
    const good = AliasMatcher.build(['Myanmar']).save();
    const broken = [
      undefined,
      'table',
      { ...good, keys: new Int32Array(1000) },
      { ...good, names: new Int32Array(8) },
      { ...good, text: 42 },
      { ...good, starts: new Int32Array([9999]) },
      { ...good, names: good.names.map((entry) => (entry === 0 ? 0 : 500)) },
    ];
    for (const table of broken)
      expect(() => AliasMatcher.load(table)).toThrow('Not a known-names table');
  });
});
