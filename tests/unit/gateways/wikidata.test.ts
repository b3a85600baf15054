import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFacts, formatTime, itemsToLabel, type Claims } from '../../../core/fact-choice';
import { parseClaims, parseLabels, parseSitelinks } from '../../../gateways/wikidata';

/** One statement in Wikidata's JSON shape. */
const statement = (property: string, datavalue: object, extra: object = {}) => ({
  mainsnak: { snaktype: 'value', property, datavalue },
  type: 'statement',
  rank: 'normal',
  ...extra,
});
const item = (id: string) => ({ type: 'wikibase-entityid', value: { 'entity-type': 'item', id } });
const time = (value: string, precision = 11) => ({
  type: 'time',
  value: { time: value, precision, timezone: 0 },
});

const suuKyi = {
  entities: {
    Q36740: {
      type: 'item',
      id: 'Q36740',
      claims: {
        P31: [statement('P31', item('Q5'))],
        P569: [statement('P569', time('+1945-06-19T00:00:00Z'))],
        P27: [statement('P27', item('Q836'))],
        P39: [
          statement('P39', item('Q100'), {
            qualifiers: {
              P580: [{ snaktype: 'value', datavalue: time('+1990-01-01T00:00:00Z', 9) }],
              P582: [{ snaktype: 'value', datavalue: time('+1991-01-01T00:00:00Z', 9) }],
            },
          }),
          statement('P39', item('Q200'), {
            qualifiers: {
              P580: [{ snaktype: 'value', datavalue: time('+2016-04-06T00:00:00Z') }],
              P582: [{ snaktype: 'value', datavalue: time('+2021-02-01T00:00:00Z') }],
            },
          }),
        ],
        P570: [
          {
            mainsnak: { snaktype: 'novalue', property: 'P570' },
            type: 'statement',
            rank: 'normal',
          },
        ],
      },
    },
  },
};

describe('parseClaims and chooseFacts', () => {
  it('chooses a person’s facts, the latest position with its years', () => {
    const claims = parseClaims(suuKyi, 'Q36740');
    if (!claims.ok) throw new Error(claims.error.kind);
    expect(itemsToLabel(claims.value).sort()).toEqual(['Q100', 'Q200', 'Q836']);
    const labels = new Map([
      ['Q836', 'Myanmar'],
      ['Q200', 'State Counsellor of Myanmar'],
    ]);
    expect(chooseFacts('Q36740', claims.value, labels)).toEqual({
      wikidataId: 'Q36740',
      kind: 'person',
      facts: [
        { label: 'Born', value: '19 June 1945' },
        { label: 'Citizenship', value: 'Myanmar' },
        { label: 'Last position', value: 'State Counsellor of Myanmar', date: '2016–2021' },
      ],
    });
  });

  it('chooses an organisation’s and a place’s facts', () => {
    const org: Claims = {
      P571: [
        { value: { type: 'time', time: '+1967-08-08T00:00:00Z', precision: 11 }, rank: 'normal' },
      ],
      P159: [{ value: { type: 'item', id: 'Q3630' }, rank: 'normal' }],
      P2124: [
        {
          value: { type: 'quantity', amount: '+10' },
          rank: 'normal',
          pointInTime: { type: 'time', time: '+1999-01-01T00:00:00Z', precision: 9 },
        },
        {
          value: { type: 'quantity', amount: '+11' },
          rank: 'normal',
          pointInTime: { type: 'time', time: '+2025-10-26T00:00:00Z', precision: 11 },
        },
      ],
    };
    expect(chooseFacts('Q7768', org, new Map([['Q3630', 'Jakarta']])).facts).toEqual([
      { label: 'Founded', value: '8 August 1967' },
      { label: 'Headquarters', value: 'Jakarta' },
      { label: 'Members', value: '11', date: '2025' },
    ]);
    const city: Claims = {
      P17: [{ value: { type: 'item', id: 'Q159' }, rank: 'normal' }],
      P1082: [
        { value: { type: 'quantity', amount: '+13010112' }, rank: 'preferred' },
        { value: { type: 'quantity', amount: '+1' }, rank: 'deprecated' },
      ],
    };
    expect(chooseFacts('Q649', city, new Map([['Q159', 'Russia']])).facts).toEqual([
      { label: 'Country', value: 'Russia' },
      { label: 'Population', value: '13,010,112' },
    ]);
  });

  it('formats times at their precision', () => {
    expect(formatTime({ type: 'time', time: '+1945-06-19T00:00:00Z', precision: 11 })).toBe(
      '19 June 1945',
    );
    expect(formatTime({ type: 'time', time: '+1945-06-00T00:00:00Z', precision: 10 })).toBe(
      'June 1945',
    );
    expect(formatTime({ type: 'time', time: '-0044-03-15T00:00:00Z', precision: 9 })).toBe('44 BC');
    expect(formatTime({ type: 'time', time: 'garbage', precision: 11 })).toBeUndefined();
  });

  it.each([null, 'x', {}, { entities: {} }, { error: { code: 'no-such-entity' } }])(
    'refuses %j with an error',
    (body) => {
      expect(parseClaims(body, 'Q1').ok).toBe(false);
    },
  );

  it('skips statements of odd shapes instead of throwing', () => {
    const odd = {
      entities: {
        Q1: {
          claims: {
            P569: [null, 5, { mainsnak: { datavalue: { type: 'time', value: 'x' } } }],
            P27: 'no',
          },
        },
      },
    };
    expect(parseClaims(odd, 'Q1')).toEqual({ ok: true, value: {} });
  });

  it('reads labels with a fallback language', () => {
    const body = {
      entities: {
        Q836: { labels: { en: { language: 'en', value: 'Myanmar' } } },
        Q1: { labels: { de: { value: 'Universum' } } },
      },
    };
    expect(parseLabels(body, 'en')).toEqual({
      ok: true,
      value: new Map([
        ['Q836', 'Myanmar'],
        ['Q1', 'Universum'],
      ]),
    });
  });
});

describe('parseSitelinks', () => {
  it("gives each asked item's title on the wiki, null where it has none or the item is gone", () => {
    const body = {
      entities: {
        Q836: {
          type: 'item',
          id: 'Q836',
          sitelinks: { enwiki: { site: 'enwiki', title: 'Myanmar', badges: [] } },
        },
        Q999: { type: 'item', id: 'Q999', sitelinks: {} },
        Q404: { id: 'Q404', missing: '' },
        Q1: { type: 'item', id: 'Q1', sitelinks: { enwiki: { title: 42 } } },
      },
      success: 1,
    };
    expect(parseSitelinks(body, ['Q836', 'Q999', 'Q404', 'Q1', 'Q7'], 'enwiki')).toEqual({
      ok: true,
      value: new Map([
        ['Q836', 'Myanmar'],
        ['Q999', null],
        ['Q404', null],
        ['Q1', null],
      ]),
    });
    expect(parseSitelinks({ error: { code: 'param-invalid' } }, ['Q1'], 'enwiki')).toMatchObject({
      ok: false,
      error: { kind: 'malformed' },
    });
  });
});

const shared = resolve(process.env.GLOSS_SHARED ?? join(import.meta.dirname, '../../../../shared'));
const recorded = join(shared, 'corpus/api/wikidata/wptools__wikidata.json');
const recordedSitelinks = join(
  shared,
  'corpus/api/wikidata/wikibase-sdk__wbgetentities_response.json',
);
if (!existsSync(recorded))
  console.warn(`Recorded Wikidata response not found at ${recorded}: skipping.`);

describe.skipIf(!existsSync(recorded))(
  'on a recorded Wikidata response (Douglas Adams, Q42)',
  () => {
    it('finds a person born 1952 and died 2001', () => {
      const json = JSON.parse(readFileSync(recorded, 'utf8')) as { response?: unknown };
      const claims = parseClaims(json.response ?? json, 'Q42');
      if (!claims.ok) throw new Error(claims.error.kind);
      const facts = chooseFacts('Q42', claims.value, new Map([['Q145', 'United Kingdom']]));
      expect(facts.kind).toBe('person');
      expect(facts.facts.slice(0, 3)).toEqual([
        { label: 'Born', value: '11 March 1952' },
        { label: 'Died', value: '11 May 2001' },
        { label: 'Citizenship', value: 'United Kingdom' },
      ]);
    });
  },
);

describe.skipIf(!existsSync(recordedSitelinks))('on a recorded wbgetentities response', () => {
  it("finds an item's French article and no English one", () => {
    const body = JSON.parse(readFileSync(recordedSitelinks, 'utf8')) as unknown;
    expect(parseSitelinks(body, ['Q3235026'], 'frwiki')).toEqual({
      ok: true,
      value: new Map([['Q3235026', 'Les Quatre Princes de Ganahan']]),
    });
    expect(parseSitelinks(body, ['Q3235026'], 'enwiki')).toEqual({
      ok: true,
      value: new Map([['Q3235026', null]]),
    });
  });
});
