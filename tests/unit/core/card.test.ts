import { describe, expect, it } from 'vitest';
import { cardReducer, openCard, viewOf, type CardModel } from '../../../core/card';
import type { EntitySummary, ResolvedName } from '../../../core/entity';
import { err, ok } from '../../../core/result';

const asean: ResolvedName = { key: 'en:ASEAN', title: 'ASEAN', wikidataId: 'Q7768' };
const summary: EntitySummary = {
  key: 'en:ASEAN',
  lang: 'en',
  title: 'ASEAN',
  kind: 'standard',
  extract: 'The Association of Southeast Asian Nations is a regional grouping.',
  pageUrl: 'https://en.wikipedia.org/wiki/ASEAN',
  wikidataId: 'Q7768',
  dir: 'ltr',
};
const article = {
  url: 'https://news.example/asean',
  title: 'ASEAN leaders meet',
  domain: 'news.example',
  date: '2025-11-27T10:00:00Z',
};
const story = {
  lead: article,
  articles: [article],
  outlets: ['news.example'],
  countries: [],
  languages: [],
};
const done = <T>(value: T) => ok({ status: 'done' as const, value });
const attention = {
  points: [
    { day: '2025-11-26', value: 1200 },
    { day: '2025-11-27', value: 5400 },
  ],
  spikes: [],
  total: 6600,
};
const coverage = {
  points: [
    { day: '2025-11-26', value: 0.2 },
    { day: '2025-11-27', value: 0.9 },
  ],
  spikes: ['2025-11-27'],
};

const opened = (entity: ResolvedName = asean, showing = 1): CardModel =>
  cardReducer(undefined, { type: 'opened', showing, entity, name: 'ASEAN' })!;

describe('the card reducer', () => {
  it('opens with every part it can ask for on its way at once', () => {
    const card = opened();
    expect(card.summary.status).toBe('loading');
    expect(card.facts.status).toBe('loading');
    expect(Object.values(card.related).map((part) => part.status)).toEqual([
      'loading',
      'loading',
      'loading',
    ]);
    expect(card.coverage.status).toBe('loading');
    expect(card.attention.status).toBe('loading');
    expect(card.choices.status).toBe('idle');
    expect(viewOf(card)).toEqual({ status: 'loading', name: 'ASEAN' });
  });

  it('waits for the summary to learn the Wikidata item when the name did not carry it', () => {
    const card = opened({ key: 'en:ASEAN', title: 'ASEAN' });
    expect(card.facts.status).toBe('idle');
    const asked = cardReducer(card, { type: 'asked', showing: 1, part: 'facts' })!;
    expect(asked.facts.status).toBe('loading');
  });

  it("tells a card for a name on a page in another language whether it is the reader's wiki's", () => {
    const original = { key: "fr:Association_des_nations_de_l'Asie_du_Sud-Est", title: 'ANASE' };
    const shown = (entity: ResolvedName) => {
      const card = cardReducer(opened(entity), {
        type: 'summary',
        showing: 1,
        answer: ok(summary),
      })!;
      const view = viewOf(card);
      return view.status === 'ready' ? view.original : undefined;
    };
    expect(shown({ ...asean, original })).toEqual({ ...original, translated: true });
    expect(shown({ ...asean, key: original.key, original })).toEqual({
      ...original,
      translated: false,
    });
    expect(shown(asean)).toBeUndefined();
  });

  it('an ambiguous name asks for its choices only', () => {
    const card = opened({ key: 'en:NLD', title: 'NLD', ambiguous: { name: 'NLD' } });
    expect(
      [card.summary, card.facts, card.related.gdelt, card.coverage, card.attention].map(
        (p) => p.status,
      ),
    ).toEqual(['idle', 'idle', 'idle', 'idle', 'idle']);
    const answered = cardReducer(card, {
      type: 'choices',
      showing: 1,
      answer: ok({ choices: [{ title: 'National League for Democracy' }], pageUrl: 'u' }),
    })!;
    expect(viewOf(answered)).toEqual({
      status: 'ambiguous',
      name: 'NLD',
      choices: {
        status: 'ready',
        value: { choices: [{ title: 'National League for Democracy' }], pageUrl: 'u' },
      },
    });
  });

  it('shows parts in whatever order they arrive, the summary last included', () => {
    let card = opened();
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'gdelt',
      answer: done([article]),
    })!;
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'googleNews',
      answer: done([]),
    })!;
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'feeds',
      answer: ok({ status: 'off' }),
    })!;
    card = cardReducer(card, { type: 'coverage', showing: 1, answer: done(coverage) })!;
    card = cardReducer(card, { type: 'attention', showing: 1, answer: done(attention) })!;
    card = cardReducer(card, {
      type: 'facts',
      showing: 1,
      answer: ok({
        wikidataId: 'Q7768',
        kind: 'organisation',
        facts: [{ label: 'Founded', value: '1967' }],
      }),
    })!;
    card = cardReducer(card, {
      type: 'reader',
      showing: 1,
      reader: { subscribed: false, reading: [] },
    })!;
    expect(viewOf(card).status).toBe('loading');
    card = cardReducer(card, { type: 'summary', showing: 1, answer: ok(summary) })!;
    expect(viewOf(card)).toEqual({
      status: 'ready',
      summary,
      name: 'ASEAN',
      facts: { status: 'ready', value: [{ label: 'Founded', value: '1967' }] },
      news: { stories: [story], notes: [], loading: false, empty: false, off: false },
      coverage,
      attention,
      reader: { subscribed: false, reading: [] },
    });
  });

  it('drops every answer meant for an earlier showing', () => {
    const first = opened(asean, 1);
    const second = cardReducer(first, {
      type: 'opened',
      showing: 2,
      entity: { key: 'en:Myanmar', title: 'Myanmar' },
      name: 'Myanmar',
    })!;
    for (const event of [
      { type: 'summary', showing: 1, answer: ok(summary) },
      { type: 'related', showing: 1, source: 'gdelt', answer: done([article]) },
      { type: 'coverage', showing: 1, answer: done(coverage) },
      { type: 'attention', showing: 1, answer: done(attention) },
      { type: 'reader', showing: 1, reader: { subscribed: true, reading: null } },
      { type: 'subscribed', showing: 1, subscribed: true },
      { type: 'problem', showing: 1, message: 'late' },
      { type: 'asked', showing: 1, part: 'summary' },
    ] as const) {
      expect(cardReducer(second, event)).toBe(second);
    }
    expect(cardReducer(undefined, { type: 'summary', showing: 1, answer: ok(summary) })).toBe(
      undefined,
    );
  });

  it('a failed summary is an error card in the reader’s words', () => {
    const card = cardReducer(opened(), {
      type: 'summary',
      showing: 1,
      answer: err({ kind: 'not-found' }),
    })!;
    expect(viewOf(card)).toEqual({
      status: 'error',
      name: 'ASEAN',
      message: 'Wikipedia has no article by this name.',
    });
  });

  it('a background that does not answer is one more failure, said plainly', () => {
    const card = cardReducer(opened(), {
      type: 'summary',
      showing: 1,
      answer: err({ kind: 'unanswered' }),
    })!;
    expect(viewOf(card)).toMatchObject({ status: 'error', message: /not responding/ });
  });

  it('says which source is missing and why, and keeps the rest of the card', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'gdelt',
      answer: err({ kind: 'rate-limited' }),
    })!;
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'googleNews',
      answer: done([article]),
    })!;
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'feeds',
      answer: err({ kind: 'offline' }),
    })!;
    card = cardReducer(card, {
      type: 'coverage',
      showing: 1,
      answer: err({ kind: 'http', status: 500 }),
    })!;
    card = cardReducer(card, { type: 'facts', showing: 1, answer: err({ kind: 'timeout' }) })!;
    const view = viewOf(card);
    expect(view).toMatchObject({
      status: 'ready',
      summary,
      news: {
        stories: [story],
        notes: [
          { source: 'gdelt', kind: 'failed', text: /^GDELT is too busy/ },
          { source: 'feeds', kind: 'failed', text: /^Your feeds could not be reached/ },
        ],
      },
      facts: { status: 'unavailable' },
    });
    expect(view).not.toHaveProperty('coverage');
  });

  it('says where a waiting source stands, and fills in when it answers', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    const waiting = (wait: object) =>
      (card = cardReducer(card, {
        type: 'related',
        showing: 1,
        source: 'gdelt',
        answer: ok({ status: 'waiting', wait }),
      } as never)!);
    const notes = () => (viewOf(card) as { news: { notes: Array<{ text: string }> } }).news.notes;
    waiting({ state: 'queued', inMs: 12_000 });
    expect(notes()[0]!.text).toBe(
      'Latest articles from GDELT in about 10 seconds (it takes one request at a time).',
    );
    waiting({ state: 'queued', inMs: 12_000, aheadForMs: 7000 });
    expect(notes()[0]!.text).toBe(
      'GDELT is slow to answer right now; latest articles from it once it answers the request ahead.',
    );
    waiting({ state: 'queued', inMs: 4000, refusedAgoMs: 2000 });
    expect(notes()[0]!.text).toBe(
      'GDELT is busy right now and turned a request away; asking it in a few seconds or later.',
    );
    waiting({ state: 'asking', forMs: 1000, refusedAgoMs: 8000 });
    expect(notes()[0]!.text).toBe(
      'Asking GDELT again: it is busy right now and turned a request away.',
    );
    waiting({ state: 'asking', forMs: 9000 });
    expect(notes()[0]!.text).toBe('GDELT is slow to answer right now; still asking.');
    waiting({ state: 'refused', inMs: 4000 });
    expect(notes()[0]!.text).toBe(
      'GDELT is busy and asked Gloss to wait; asking again in a few seconds.',
    );
    card = cardReducer(card, {
      type: 'related',
      showing: 1,
      source: 'gdelt',
      answer: done([article]),
    })!;
    expect(viewOf(card)).toMatchObject({ news: { stories: [story], notes: [] } });
  });

  it('says there are no articles only once every source has answered with none', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    const news = () => (viewOf(card) as { news: object }).news;
    card = cardReducer(card, { type: 'related', showing: 1, source: 'gdelt', answer: done([]) })!;
    expect(news()).toMatchObject({ empty: false, loading: true });
    for (const source of ['googleNews', 'feeds'] as const)
      card = cardReducer(card, { type: 'related', showing: 1, source, answer: done([]) })!;
    expect(news()).toMatchObject({ empty: true, loading: false, off: false });
  });

  it('shows the attention line as soon as it comes, without the news line', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    card = cardReducer(card, { type: 'attention', showing: 1, answer: done(attention) })!;
    const view = viewOf(card);
    expect(view).toMatchObject({ attention });
    expect(view).not.toHaveProperty('coverage');
  });

  it('draws no coverage line for a single day', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    card = cardReducer(card, {
      type: 'coverage',
      showing: 1,
      answer: done({ ...coverage, points: coverage.points.slice(0, 1) }),
    })!;
    expect(viewOf(card)).not.toHaveProperty('coverage');
  });

  it('toggles Subscribe at once, only once the reader’s part is known', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    expect(cardReducer(card, { type: 'subscribed', showing: 1, subscribed: true })).toBe(card);
    card = cardReducer(card, {
      type: 'reader',
      showing: 1,
      reader: { subscribed: false, reading: null },
    })!;
    card = cardReducer(card, { type: 'subscribed', showing: 1, subscribed: true })!;
    expect(viewOf(card)).toMatchObject({ reader: { subscribed: true } });
  });

  it('a problem shows until a part is asked for again', () => {
    let card = cardReducer(opened(), { type: 'summary', showing: 1, answer: ok(summary) })!;
    card = cardReducer(card, { type: 'problem', showing: 1, message: 'Not in a private window.' })!;
    expect(viewOf(card)).toMatchObject({ problem: 'Not in a private window.' });
    card = cardReducer(card, { type: 'asked', showing: 1, part: 'facts' })!;
    expect(viewOf(card)).not.toHaveProperty('problem');
    expect(card.facts.status).toBe('loading');
  });

  it('openCard is the same as the opened event', () => {
    expect(openCard(3, asean, 'ASEAN')).toEqual(opened(asean, 3));
  });
});
