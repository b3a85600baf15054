import { describe, expect, it } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';
import type { ResolvedName } from '../../../core/entity';
import {
  checkMentionRequest,
  findMentions,
  MAX_BATCH_CHARS,
  type PageText,
} from '../../../core/mentions';

/** A stand-in for the background's lookup: knows a few articles, records what it was asked. */
function lookup(known: Record<string, ResolvedName>) {
  const asked: string[][] = [];
  const resolve = async (names: string[]) => {
    asked.push(names);
    return Object.fromEntries(
      names.filter((name) => known[name]).map((name) => [name, known[name]!]),
    );
  };
  return { asked, resolve };
}

const NLD = { key: 'en:National_League_for_Democracy', title: 'National League for Democracy' };
const ASEAN = { key: 'en:ASEAN', title: 'ASEAN' };
const text = (value: string, heading = false): PageText => ({ text: value, heading });
const marked = (texts: PageText[], found: Awaited<ReturnType<typeof findMentions>>) =>
  found.mentions.map(([index, start, end, entity]) => [
    texts[index]!.text.slice(start, end),
    found.entities[entity]!.title,
  ]);

describe('findMentions', () => {
  it('answers the spans to mark in each text, each entity listed once', async () => {
    const { resolve } = lookup({ ASEAN });
    const texts = [text('Leaders of ASEAN met on Monday.'), text('The ASEAN chair spoke later.')];
    const found = await findMentions(texts, [], resolve);
    expect(marked(texts, found)).toEqual([
      ['ASEAN', 'ASEAN'],
      ['ASEAN', 'ASEAN'],
    ]);
    expect(found.entities).toEqual([ASEAN]);
    expect(found.mentions.map(([index]) => index)).toEqual([0, 1]);
  });

  it('asks once per batch, each name once, and nothing for text without names', async () => {
    const { asked, resolve } = lookup({ ASEAN });
    await findMentions([text('Leaders of ASEAN met.'), text('Leaders of ASEAN met.')], [], resolve);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.filter((name) => name === 'ASEAN')).toHaveLength(1);
    await findMentions([text('nothing to see here at all.')], [], resolve);
    expect(asked).toHaveLength(1);
  });

  it('carries the acronyms a page defined into its later batches', async () => {
    const { resolve } = lookup({ 'National League for Democracy': NLD });
    const first = [text('Members of the National League for Democracy (NLD) were held.')];
    const found = await findMentions(first, [], resolve);
    expect(found.acronyms).toEqual([['NLD', 'National League for Democracy']]);
    // A later batch (text the page added) has only the acronym: it still means the party.
    const later = [text('The NLD said on Friday that it would not take part.')];
    expect(marked(later, await findMentions(later, found.acronyms, resolve))).toEqual([
      ['NLD', 'National League for Democracy'],
    ]);
  });
});

describe('findMentions with known names', () => {
  const MYANMAR = { key: 'en:Myanmar', title: 'Myanmar' };
  const JORDAN = { key: 'en:Jordan', title: 'Jordan' };
  const known = AliasMatcher.build(['Myanmar', 'Jordan']);

  it('marks a known name inside a headline\u2019s words that name nothing as a whole', async () => {
    const { resolve } = lookup({ Myanmar: MYANMAR, MYANMAR: MYANMAR });
    const texts = [text('ARMY SAYS MYANMAR JUNTA WILL HOLD VOTE', true)];
    expect(marked(texts, await findMentions(texts, [], resolve, known))).toEqual([
      ['MYANMAR', 'Myanmar'],
    ]);
  });

  it('leaves a known name inside a person\u2019s name alone in running text', async () => {
    const { resolve } = lookup({ Jordan: JORDAN });
    const texts = [text('The talks were led by Sarah Jordan on Monday.')];
    expect(marked(texts, await findMentions(texts, [], resolve, known))).toEqual([]);
  });
});

describe('checkMentionRequest', () => {
  const good = {
    site: 'news.example',
    page: { url: 'https://news.example/a', title: 'A' },
    texts: [{ text: 'Leaders of ASEAN met.', heading: false }],
    acronyms: [['NLD', 'National League for Democracy']],
  };

  it('takes what the page sends', () => {
    expect(checkMentionRequest(good)).toEqual(good);
  });

  it.each([
    ['no object', null],
    ['no site', { ...good, site: 3 }],
    ['no page address and title', { ...good, page: { url: 'x' } }],
    ['texts', { ...good, texts: 'Leaders of ASEAN' }],
    ['a text', { ...good, texts: [{ text: 'x' }] }],
    [
      'too much text',
      { ...good, texts: [{ text: 'x'.repeat(MAX_BATCH_CHARS + 1), heading: false }] },
    ],
    ['acronyms', { ...good, acronyms: {} }],
    ['an acronym', { ...good, acronyms: [['NLD']] }],
  ])('refuses a request with bad %s', (why, request) => {
    expect(() => checkMentionRequest(request)).toThrow(`Not a batch of page text: ${why}`);
  });
});
