import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardActions } from '../../../components/EntityCard';
import type { CardState } from '../../../core/card';
import type { EntitySummary } from '../../../core/entity';
import { ok } from '../../../core/result';
import { createCardLoader } from '../../../hooks/card-loader';

/** Every call the loader makes, each answered when the test says so. */
const calls: Array<{ call: string; args: unknown[]; answer: (value: unknown) => void }> = [];
function call(name: string, ...args: unknown[]) {
  return new Promise((resolve) => calls.push({ call: name, args, answer: resolve }));
}
vi.mock('../../../messaging/background', () => ({
  askSource: (name: string, ...args: unknown[]) => call(name, ...args),
  callBackground: (name: string, ...args: unknown[]) => call(name, ...args).then(ok),
}));

const answer = async (name: string, value: unknown, source?: string) => {
  const pending = calls.find(
    (entry) => entry.call === name && (source === undefined || entry.args[2] === source),
  );
  if (!pending) throw new Error(`${name} was not asked`);
  calls.splice(calls.indexOf(pending), 1);
  pending.answer(value);
  await new Promise((resolve) => setTimeout(resolve, 0));
};

const summary = (title: string, wikidataId?: string): EntitySummary => ({
  key: `en:${title}`,
  lang: 'en',
  title,
  kind: 'standard',
  extract: `${title} is.`,
  pageUrl: `https://en.wikipedia.org/wiki/${title}`,
  dir: 'ltr',
  ...(wikidataId ? { wikidataId } : {}),
});

const article = {
  url: 'https://news.example/asean',
  title: 'ASEAN leaders meet',
  domain: 'news.example',
  date: '2026-11-27T10:00:00Z',
};

let drawn: CardState[];
beforeEach(() => {
  calls.length = 0;
  drawn = [];
});
const loader = () => createCardLoader({ draw: (state) => drawn.push(state) });

describe('the card loader', () => {
  it('asks for every part at once when the name carries its Wikidata item', () => {
    void loader().open(
      { key: 'en:ASEAN', title: 'ASEAN', wikidataId: 'Q7768' },
      { pageUrl: 'https://news.example/a', name: 'ASEAN' },
    );
    expect(calls.map(({ call, args }) => [call, ...args])).toEqual([
      ['getCard', 'en:ASEAN'],
      ['newsInterest', 'en:ASEAN', 'open'],
      ['getFacts', 'Q7768'],
      ['getRelated', 'en:ASEAN', 'ASEAN', 'gdelt'],
      ['getRelated', 'en:ASEAN', 'ASEAN', 'googleNews'],
      ['getRelated', 'en:ASEAN', 'ASEAN', 'feeds'],
      ['getCoverage', 'en:ASEAN', 'ASEAN'],
      ['getAttention', 'en:ASEAN'],
      ['getReaderData', 'en:ASEAN', 'https://news.example/a'],
    ]);
    expect(drawn).toEqual([{ status: 'loading', name: 'ASEAN' }]);
  });

  it('asks for facts once the summary names the item, when the name did not', async () => {
    void loader().open({ key: 'en:ASEAN', title: 'ASEAN' }, { pageUrl: '', name: 'ASEAN' });
    expect(calls.some(({ call }) => call === 'getFacts')).toBe(false);
    await answer('getCard', ok(summary('ASEAN', 'Q7768')));
    expect(calls.find(({ call }) => call === 'getFacts')?.args).toEqual(['Q7768']);
    expect(drawn.at(-1)).toMatchObject({ status: 'ready', facts: { status: 'loading' } });
  });

  it('a second look at the same name asks the sources nothing', async () => {
    const cards = loader();
    const entity = { key: 'en:ASEAN', title: 'ASEAN', wikidataId: 'Q7768' };
    const first = cards.open(entity, { pageUrl: '', name: 'ASEAN' });
    await answer('getCard', ok(summary('ASEAN')));
    await answer('getFacts', ok({ wikidataId: 'Q7768', kind: 'organisation', facts: [] }));
    for (let source = 0; source < 3; source += 1)
      await answer('getRelated', ok({ status: 'done', value: [] }));
    await answer('getCoverage', ok({ status: 'done', value: { points: [], spikes: [] } }));
    await answer('getAttention', ok({ status: 'off' }));
    await answer('getReaderData', { subscribed: false, reading: null });
    await answer('newsInterest', undefined);
    await first;
    void cards.open(entity, { pageUrl: '', name: 'ASEAN' });
    expect(calls.map(({ call }) => call)).toEqual(['newsInterest', 'getReaderData']);
  });

  it('an answer for a card the reader has left is not drawn', async () => {
    const cards = loader();
    void cards.open({ key: 'en:ASEAN', title: 'ASEAN' }, { pageUrl: '', name: 'ASEAN' });
    void cards.open({ key: 'en:Myanmar', title: 'Myanmar' }, { pageUrl: '', name: 'Myanmar' });
    drawn.length = 0;
    await answer('getCard', ok(summary('ASEAN')));
    expect(drawn).toEqual([]);
    await answer('getCard', ok(summary('Myanmar')));
    expect(drawn.at(-1)).toMatchObject({ status: 'ready', summary: { title: 'Myanmar' } });
    cards.close();
    drawn.length = 0;
    await answer('getRelated', ok({ status: 'done', value: [] }));
    expect(drawn).toEqual([]);
  });

  it('fills the open card in as a waiting source answers, asking again while it waits', async () => {
    const cards = loader();
    void cards.open({ key: 'en:ASEAN', title: 'ASEAN' }, { pageUrl: '', name: 'ASEAN' });
    await answer('getCard', ok(summary('ASEAN')));
    const gdelt = () =>
      calls.filter(({ call, args }) => call === 'getRelated' && args[2] === 'gdelt');
    await answer('getRelated', ok({ status: 'waiting', wait: { state: 'queued', inMs: 9000 } }));
    expect(drawn.at(-1)).toMatchObject({
      news: { notes: [{ source: 'gdelt', kind: 'waiting', text: /GDELT in about 10 seconds/ }] },
    });
    expect(gdelt()).toHaveLength(1); // asked again at once
    await answer('getRelated', ok({ status: 'done', value: [article] }), 'gdelt');
    expect(drawn.at(-1)).toMatchObject({
      news: { stories: [{ lead: article }], notes: [] },
    });
    expect(gdelt()).toHaveLength(0);
  });

  it('a closed card stops asking, and tells the background it is no longer looked at', async () => {
    const cards = loader();
    void cards.open({ key: 'en:ASEAN', title: 'ASEAN' }, { pageUrl: '', name: 'ASEAN' });
    cards.close();
    expect(calls.at(-1)).toMatchObject({ call: 'newsInterest', args: ['en:ASEAN', 'none'] });
    await answer('getRelated', ok({ status: 'waiting', wait: { state: 'queued', inMs: 9000 } }));
    expect(
      calls.filter(({ call, args }) => call === 'getRelated' && args[2] === 'gdelt'),
    ).toHaveLength(0);
  });

  it('tells the background of hover intent when it starts a card early', () => {
    loader().prefetch({ key: 'en:ASEAN', title: 'ASEAN' });
    expect(calls.map(({ call, args }) => [call, ...args]).slice(0, 2)).toEqual([
      ['newsInterest', 'en:ASEAN', 'intent'],
      ['getCard', 'en:ASEAN'],
    ]);
  });

  it('a failed part is asked for again on the next look', async () => {
    const cards = loader();
    void cards.open({ key: 'en:ASEAN', title: 'ASEAN' }, { pageUrl: '', name: 'ASEAN' });
    await answer('getCard', { ok: false, error: { kind: 'offline' } });
    expect(drawn.at(-1)).toMatchObject({ status: 'error', message: /offline/ });
    calls.length = 0;
    void cards.open({ key: 'en:ASEAN', title: 'ASEAN' }, { pageUrl: '', name: 'ASEAN' });
    expect(calls.map(({ call }) => call)).toContain('getCard');
  });
});

describe('the card loader on a page', () => {
  it('a late part does not take the "Not this?" search away from the reader', async () => {
    const correct = vi.fn();
    let actions: CardActions = {};
    const cards = createCardLoader({
      draw: (state, given) => {
        drawn.push(state);
        actions = given;
      },
      page: { correct, onChosen: vi.fn(), onUnmarked: vi.fn(), focus: vi.fn() },
    });
    void cards.open(
      { key: 'en:China', title: 'China' },
      { site: 'news.example', pageUrl: '', name: 'China' },
    );
    await answer('getCard', ok(summary('China')));
    actions.onNotThis!();
    expect(correct).toHaveBeenCalledOnce();
    drawn.length = 0;
    await answer('getRelated', ok([]));
    expect(drawn).toEqual([]);
    // Back to the card: it is drawn afresh.
    const [, , cancel] = correct.mock.calls[0] as [string, unknown, () => void];
    cancel();
    expect(drawn.at(-1)).toMatchObject({ status: 'loading' });
  });
});
