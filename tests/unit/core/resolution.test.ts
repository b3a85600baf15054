import { describe, expect, it } from 'vitest';
import {
  candidatesIn,
  chooseMention,
  UNDECIDED,
  namesToResolve,
  pageAcronyms,
} from '../../../core/candidates';
import {
  abbreviates,
  definedAcronyms,
  isSearchable,
  isSpellingVariant,
} from '../../../core/resolution';
import { spot } from '../../../core/spotter';

/** A choice as the tests compare it: the span's text and the entity (or its title). */
function shown(choice: ReturnType<typeof chooseMention>, only?: 'title') {
  if (typeof choice !== 'object') return choice;
  return [choice.span.surface, only ? choice.entity.title : choice.entity];
}

describe('isSpellingVariant', () => {
  it.each([
    ['Sergei Shoygu', 'Sergei Shoigu', true],
    ['Nyong’o', "Nyong'o", true],
    ['Min Aung Hlaing', 'Min Aung Hlaing', true],
    ['Russia Commits', 'Russia', false],
    ['John Smith', 'Jane Smyth', false],
    ['Mass Protests', 'Mass protest (disambiguation)', false],
  ])('%s ~ %s: %s', (name, title, expected) => {
    expect(isSpellingVariant(name, title)).toBe(expected);
  });

  it('searches only for names of two words or more', () => {
    expect(isSearchable('Sergei Shoygu')).toBe(true);
    expect(isSearchable('Mass')).toBe(false);
  });
});

describe('acronyms a page defines', () => {
  it.each([
    ['ASEAN', 'Association of Southeast Asian Nations', true],
    ['NLD', 'National League for Democracy', true],
    ['SIPRI', 'Stockholm International Peace Research Institute', true],
    ['NLD', 'North Korea', false],
    ['UN', 'Union of Myanmar', false],
  ])('%s abbreviates %s: %s', (acronym, name, expected) => {
    expect(abbreviates(acronym, name)).toBe(expected);
  });

  it('finds "Long Name (ACRONYM)" in text', () => {
    const text = 'members of the National League for Democracy (NLD) and the junta';
    expect(definedAcronyms(text, spot(text))).toEqual(
      new Map([['NLD', 'National League for Democracy']]),
    );
  });
});

describe('choosing what to mark', () => {
  const text =
    'With an ongoing COVID-19 pandemic, the NLD said. The National League for Democracy (NLD) won.';
  const spans = spot(text);
  const candidates = candidatesIn(text, spans);

  it('asks about longer forms of acronyms too', () => {
    expect(namesToResolve(candidates)).toEqual(
      expect.arrayContaining([
        'COVID-19',
        'COVID-19 pandemic',
        'NLD',
        'National League for Democracy',
      ]),
    );
  });

  it('prefers the longest form that is an article, and the page’s own acronyms', () => {
    const resolved = {
      'COVID-19': { key: 'en:COVID-19', title: 'COVID-19' },
      'COVID-19 pandemic': { key: 'en:COVID-19_pandemic', title: 'COVID-19 pandemic' },
      'National League for Democracy': {
        key: 'en:National_League_for_Democracy',
        title: 'National League for Democracy',
      },
    };
    const acronyms = pageAcronyms([{ text, spans }]);
    const chosen = candidates.map((candidate) => chooseMention(candidate, resolved, acronyms));
    expect(chosen.map((choice) => shown(choice, 'title'))).toEqual([
      ['COVID-19 pandemic', 'COVID-19 pandemic'],
      ['NLD', 'National League for Democracy'],
      ['National League for Democracy', 'National League for Democracy'],
      ['NLD', 'National League for Democracy'],
    ]);
  });

  it('reads an ambiguous acronym as the name it abbreviates on the same page, else offers choices', () => {
    const text = 'The National League for Democracy won. The NLD and the Karen said so.';
    const spans = spot(text);
    const party = {
      key: 'en:National_League_for_Democracy',
      title: 'National League for Democracy',
    };
    const resolved = {
      'National League for Democracy': party,
      NLD: { key: 'en:NLD', title: 'NLD', ambiguous: { name: 'NLD' } },
      Karen: { key: 'en:Karen', title: 'Karen', ambiguous: { name: 'Karen' } },
    };
    const chosen = candidatesIn(text, spans).map((candidate) =>
      chooseMention(candidate, resolved, new Map()),
    );
    expect(chosen.map((choice) => shown(choice))).toEqual([
      ['National League for Democracy', party],
      ['NLD', party],
      ['Karen', resolved.Karen],
    ]);
  });

  it('leaves undecided what hangs on a name still being looked up', () => {
    const text = 'The National League for Democracy won. The NLD said so.';
    const candidates = candidatesIn(text, spot(text));
    const resolved = { NLD: { key: 'en:NLD', title: 'NLD', ambiguous: { name: 'NLD' } } };
    const pending = new Set(['National League for Democracy']);
    // The party's name may yet be found, and then the ambiguous "NLD" means the party.
    expect(
      candidates.map((candidate) => chooseMention(candidate, resolved, new Map(), pending)),
    ).toEqual([UNDECIDED, UNDECIDED]);
    expect(chooseMention(candidates[1]!, resolved, new Map())).toMatchObject({
      entity: resolved.NLD,
    });
  });

  it('never falls back to an ambiguous part of a longer name', () => {
    const text = 'Jane Karen spoke.';
    const [candidate] = candidatesIn(text, spot(text), true);
    const resolved = { Jane: { key: 'en:Jane', title: 'Jane', ambiguous: { name: 'Jane' } } };
    expect(chooseMention(candidate!, resolved, new Map())).toBeUndefined();
  });
});
