import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';
import type { ResolvedName } from '../../../core/entity';
import {
  checkTextBatch,
  findMentions,
  MAX_BATCH_CHARS,
  type FoundMentions,
  type PageText,
  type Resolution,
  pieceBounds,
  SPOT_PIECE_CHARS,
} from '../../../core/mention-finding';

/**
 * A stand-in for the background's lookup: its cache knows `known`, and `lookedUp` only once the
 * test calls `finish`; it records what it was asked.
 */
function lookup(
  known: Record<string, ResolvedName>,
  lookedUp: Record<string, ResolvedName | undefined> = {},
) {
  const asked: string[][] = [];
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const resolve = async (names: string[]): Promise<Resolution> => {
    asked.push(names);
    const pick = (from: Record<string, ResolvedName | undefined>) =>
      Object.fromEntries(names.flatMap((name) => (from[name] ? [[name, from[name]]] : [])));
    const resolved = pick(known);
    const pending = new Set(names.filter((name) => name in lookedUp));
    if (pending.size === 0) return { resolved };
    const all = finished.then(() => ({ ...resolved, ...pick(lookedUp) }));
    return { resolved, later: { names: pending, resolved: all } };
  };
  return { asked, resolve, finish };
}

/** The mentions answered at once (all of them, when nothing is looked up). */
const atOnce = async (...args: Parameters<typeof findMentions>): Promise<FoundMentions> =>
  (await findMentions(...args)).found;

const NLD = { key: 'en:National_League_for_Democracy', title: 'National League for Democracy' };
const ASEAN = { key: 'en:ASEAN', title: 'ASEAN' };
const text = (value: string, heading = false): PageText => ({ text: value, heading });
const marked = (texts: PageText[], found: FoundMentions) =>
  found.mentions.map(([index, start, end, entity]) => [
    texts[index]!.text.slice(start, end),
    found.entities[entity]!.title,
  ]);

describe('findMentions', () => {
  it('answers the spans to mark in each text, each entity listed once', async () => {
    const { resolve } = lookup({ ASEAN });
    const texts = [text('Leaders of ASEAN met on Monday.'), text('The ASEAN chair spoke later.')];
    const found = await atOnce(texts, [], resolve);
    expect(marked(texts, found)).toEqual([
      ['ASEAN', 'ASEAN'],
      ['ASEAN', 'ASEAN'],
    ]);
    expect(found.entities).toEqual([ASEAN]);
    expect(found.mentions.map(([index]) => index)).toEqual([0, 1]);
  });

  it('reads a passage in its own language, the rest in the page’s', async () => {
    const { asked, resolve } = lookup({ ASEAN });
    const spanish = 'Según explicó la ASEAN, Además llegó.';
    await atOnce([{ ...text(spanish), lang: 'es' }, text('Leaders of ASEAN met.')], [], resolve);
    expect(asked[0]).not.toContain('Según');
    // The passage's language wins over the page's; without one, the page's holds.
    await atOnce([{ ...text(spanish), lang: 'es' }], [], resolve, undefined, undefined, 'en');
    expect(asked[1]).not.toContain('Además');
    await atOnce([text(spanish)], [], resolve, undefined, undefined, 'en');
    expect(asked[2]).toContain('Además');
  });

  it('reads the text in the page’s language: its function words ask nothing', async () => {
    const { asked, resolve } = lookup({ ASEAN });
    const texts = [text('Según explicó la ASEAN, Según no es un nombre.')];
    await atOnce(texts, [], resolve, undefined, undefined, 'es');
    expect(asked[0]).not.toContain('Según');
    await atOnce(texts, [], resolve);
    expect(asked[1]).toContain('Según');
  });

  it('asks once per batch, each name once, and nothing for text without names', async () => {
    const { asked, resolve } = lookup({ ASEAN });
    await atOnce([text('Leaders of ASEAN met.'), text('Leaders of ASEAN met.')], [], resolve);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.filter((name) => name === 'ASEAN')).toHaveLength(1);
    await atOnce([text('nothing to see here at all.')], [], resolve);
    expect(asked).toHaveLength(1);
  });

  it('carries the acronyms a page defined into its later batches', async () => {
    const { resolve } = lookup({ 'National League for Democracy': NLD });
    const first = [text('Members of the National League for Democracy (NLD) were held.')];
    const found = await atOnce(first, [], resolve);
    expect(found.acronyms).toEqual([['NLD', 'National League for Democracy']]);
    // A later batch (text the page added) has only the acronym: it still means the party.
    const later = [text('The NLD said on Friday that it would not take part.')];
    expect(marked(later, await atOnce(later, found.acronyms, resolve))).toEqual([
      ['NLD', 'National League for Democracy'],
    ]);
  });
});

describe('findMentions while names are looked up', () => {
  const UNGA = { key: 'en:United_Nations_General_Assembly', title: 'UN General Assembly' };
  const UN = { key: 'en:United_Nations', title: 'United Nations' };
  const texts = [
    text('ASEAN and the National League for Democracy met before the UN General Assembly.'),
  ];

  it('marks what the cache knows at once, and the rest once it is looked up', async () => {
    const { resolve, finish } = lookup(
      { ASEAN, UN },
      { 'National League for Democracy': NLD, 'UN General Assembly': UNGA },
    );
    const { found, later } = await findMentions(texts, [], resolve);
    expect(marked(texts, found)).toEqual([['ASEAN', 'ASEAN']]);
    finish();
    expect(marked(texts, await later!)).toEqual([
      ['National League for Democracy', 'National League for Democracy'],
      ['UN General Assembly', 'UN General Assembly'],
    ]);
  });

  const COVID = { key: 'en:COVID-19', title: 'COVID-19' };
  const PANDEMIC = { key: 'en:COVID-19_pandemic', title: 'COVID-19 pandemic' };
  const cases = [text('Cases of the COVID-19 pandemic rose again.')];

  it('marks in two steps exactly what one step marks, a short name never before its long form', async () => {
    const { resolve, finish } = lookup({ 'COVID-19': COVID }, { 'COVID-19 pandemic': PANDEMIC });
    const { found, later } = await findMentions(cases, [], resolve);
    // "COVID-19" is known, but the longer name being looked up may win: it waits.
    expect(marked(cases, found)).toEqual([]);
    finish();
    const oneStep = lookup({ 'COVID-19': COVID, 'COVID-19 pandemic': PANDEMIC }).resolve;
    expect(marked(cases, await later!)).toEqual(marked(cases, await atOnce(cases, [], oneStep)));
    expect(marked(cases, await later!)).toEqual([['COVID-19 pandemic', 'COVID-19 pandemic']]);
  });

  it('falls back to the known short name when the long one turns out to be no article', async () => {
    const { resolve, finish } = lookup({ 'COVID-19': COVID }, { 'COVID-19 pandemic': undefined });
    const { found, later } = await findMentions(cases, [], resolve);
    expect(marked(cases, found)).toEqual([]);
    finish();
    expect(marked(cases, await later!)).toEqual([['COVID-19', 'COVID-19']]);
  });

  it('answers everything at once when nothing is looked up', async () => {
    const { later } = await findMentions(texts, [], lookup({ ASEAN, UN }).resolve);
    expect(later).toBeUndefined();
  });
});

describe('findMentions with known names', () => {
  const MYANMAR = { key: 'en:Myanmar', title: 'Myanmar' };
  const JORDAN = { key: 'en:Jordan', title: 'Jordan' };
  const known = AliasMatcher.build(['Myanmar', 'Jordan']);

  it('marks a known name inside a headline\u2019s words that name nothing as a whole', async () => {
    const { resolve } = lookup({ Myanmar: MYANMAR, MYANMAR: MYANMAR });
    const texts = [text('ARMY SAYS MYANMAR JUNTA WILL HOLD VOTE', true)];
    expect(marked(texts, await atOnce(texts, [], resolve, known))).toEqual([
      ['MYANMAR', 'Myanmar'],
    ]);
  });

  it('leaves a known name inside a person\u2019s name alone in running text', async () => {
    const { resolve } = lookup({ Jordan: JORDAN });
    const texts = [text('The talks were led by Sarah Jordan on Monday.')];
    expect(marked(texts, await atOnce(texts, [], resolve, known))).toEqual([]);
  });
});

describe('checkTextBatch', () => {
  const good = {
    title: 'A',
    texts: [{ text: 'Leaders of ASEAN met.', heading: false }],
    acronyms: [['NLD', 'National League for Democracy']],
  };

  it('takes a passage’s own language, and refuses a malformed one', () => {
    const passage = { text: 'Según la ASEAN.', heading: false, lang: 'es' };
    expect(checkTextBatch({ ...good, texts: [passage] })).toEqual({ ...good, texts: [passage] });
    expect(() => checkTextBatch({ ...good, texts: [{ ...passage, lang: 'espa ñol' }] })).toThrow(
      'Not a batch of page text: a language',
    );
  });

  it('takes the page’s language tag, and reads a malformed one as none', () => {
    expect(checkTextBatch({ ...good, lang: 'pt-BR' })).toEqual({ ...good, lang: 'pt-BR' });
    for (const lang of ['', 'français', 'x'.repeat(40), 42, 'en US'])
      expect(checkTextBatch({ ...good, lang })).toEqual(good);
  });

  it('takes what the page sends, and nothing it may not say (its site or address)', () => {
    expect(checkTextBatch({ ...good, site: 'bank.example', url: 'https://bank.example/' })).toEqual(
      good,
    );
    expect(checkTextBatch(good)).toEqual(good);
  });

  it.each([
    ['no object', null],
    ['no title', { ...good, title: 3 }],
    ['texts', { ...good, texts: 'Leaders of ASEAN' }],
    ['a text', { ...good, texts: [{ text: 'x' }] }],
    [
      'too much text',
      { ...good, texts: [{ text: 'x'.repeat(MAX_BATCH_CHARS + 1), heading: false }] },
    ],
    ['acronyms', { ...good, acronyms: {} }],
    ['an acronym', { ...good, acronyms: [['NLD']] }],
    ['an acronym', { ...good, acronyms: [['NLD', 'x'.repeat(201)]] }],
    ['too many acronyms', { ...good, acronyms: Array.from({ length: 501 }, () => ['A', 'B']) }],
  ])('refuses a request with bad %s', (why, request) => {
    expect(() => checkTextBatch(request)).toThrow(`Not a batch of page text: ${why}`);
  });
});

describe('reading long texts in pieces', () => {
  const sentence = 'Leaders of ASEAN met in Jakarta. ';

  it('cuts a long text between sentences into pieces that cover it exactly', () => {
    const text = sentence.repeat(300);
    const bounds = pieceBounds(text);
    expect(bounds.length).toBeGreaterThan(4);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds.at(-1)![1]).toBe(text.length);
    for (const [index, [start, end]] of bounds.entries()) {
      expect(end - start).toBeLessThanOrEqual(SPOT_PIECE_CHARS);
      if (index > 0) expect(start).toBe(bounds[index - 1]![1]);
      if (index < bounds.length - 1) expect(text.slice(end - 2, end)).toBe('. ');
    }
    // A text with no spaces at all is still cut, at the limit.
    expect(pieceBounds('x'.repeat(5_000))).toEqual([
      [0, 2_000],
      [2_000, 4_000],
      [4_000, 5_000],
    ]);
  });

  it('marks names in every piece at their place in the whole text', async () => {
    const text = sentence.repeat(300);
    const resolve = async () => ({ resolved: { ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } } });
    const { found } = await findMentions([{ text, heading: false }], [], resolve);
    expect(found.mentions).toHaveLength(300);
    for (const [, start, end] of found.mentions) expect(text.slice(start, end)).toBe('ASEAN');
  });

  it('pauses between slices, and leaves the rest unread once its budget is spent', async () => {
    let clock = 0;
    let pauses = 0;
    const pacing = {
      // Each piece "takes" 5 ms.
      now: () => (clock += 5),
      pause: async () => void (pauses += 1),
      sliceMs: 10,
      budgetMs: 200,
    };
    const text = sentence.repeat(3_000);
    const resolve = async () => ({ resolved: { ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } } });
    const { found } = await findMentions(
      [{ text, heading: false }],
      [],
      resolve,
      undefined,
      pacing,
    );
    expect(pauses).toBeGreaterThan(1);
    expect(found.mentions.length).toBeGreaterThan(0);
    expect(found.mentions.length).toBeLessThan(3_000);
  });
});
