import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerMessage, callBackground, serveBackground } from '../../../messaging/background';
import type { BackgroundApi } from '../../../messaging/protocol';
import { createMentionService } from '../../../services/mentions';

const mentions = createMentionService({
  resolveNames: async (names) => ({
    resolved: Object.fromEntries(
      names
        .filter((name) => name === 'ASEAN')
        .map((name) => [name, { key: 'en:ASEAN', title: 'ASEAN' }]),
    ),
  }),
  noteReading: async () => {},
  now: Date.now,
});

const api: BackgroundApi = {
  pageSettings: async () => ({
    enabled: true,
    markMode: 'every',
    markStyle: 'underline',
    hoverDelayMs: 500,
  }),
  findMentions: mentions.findPageMentions,
  laterMentions: mentions.laterMentions,
  getCard: async () => {
    throw new Error('the database is closed');
  },
  getFacts: async () => ({ ok: false, error: { kind: 'offline' } }),
  getRelated: async () => ({ ok: true, value: [] }),
  getChoices: async () => ({ ok: true, value: { choices: [], pageUrl: 'https://a.example/' } }),
  chooseMeaning: async (_site, _name, title) => ({ key: `en:${title}`, title }),
  getReaderData: async () => ({ subscribed: false, reading: null }),
  setSubscribed: async (_key, _title, subscribed) => subscribed,
  subscribeQuery: async () => ({ ok: false, error: 'not here' }),
  unsubscribe: async () => {},
  setNotify: async () => {},
  pollTopics: async () => ({ checked: 0, found: 0, rateLimited: false }),
  markRead: async () => {},
  searchLocal: async () => [],
  searchWikipedia: async () => ({ ok: true, value: [] }),
  recordLookup: async () => {},
  updateSettings: async () => {
    throw new Error('not here');
  },
  checkFeed: async () => ({ ok: false, error: 'not here' }),
  clearReading: async () => {},
  clearCache: async () => {},
  exportData: async () => {
    throw new Error('not here');
  },
  importData: async () => ({ ok: false, error: 'not here' }),
  getStats: async () => ({ entities: 3, aliases: 5, facts: 0, related: 0 }),
};
const own = { id: 'gloss-id' };
const batch = (text: string) => ({
  site: 'news.example',
  page: { url: 'https://news.example/a', title: 'A' },
  texts: [{ text, heading: false }],
  acronyms: [],
});
const request = (call: string, args: unknown[]) => ({ to: 'gloss-background', call, args });

describe('answerMessage', () => {
  it('answers a call from Gloss itself', async () => {
    expect(
      await answerMessage(
        api,
        request('findMentions', [batch('Leaders of ASEAN met.')]),
        own,
        own.id,
      ),
    ).toEqual({
      ok: true,
      value: {
        mentions: [[0, 11, 16, 0]],
        entities: [{ key: 'en:ASEAN', title: 'ASEAN' }],
        acronyms: [],
      },
    });
  });

  it('refuses page text that is not in the shape Gloss sends', async () => {
    const answer = await answerMessage(
      api,
      request('findMentions', [{ ...batch('x'), texts: [{ text: 42, heading: false }] }]),
      own,
      own.id,
    );
    expect(answer).toEqual({ ok: false, error: 'Not a batch of page text: a text' });
  });

  it('turns a handler that throws into an error result', async () => {
    expect(await answerMessage(api, request('getCard', ['en:X']), own, own.id)).toEqual({
      ok: false,
      error: 'the database is closed',
    });
  });

  it('ignores other extensions, unknown calls and malformed messages', () => {
    expect(
      answerMessage(api, request('getStats', []), { id: 'someone-else' }, own.id),
    ).toBeUndefined();
    expect(answerMessage(api, request('toString', []), own, own.id)).toBeUndefined();
    expect(
      answerMessage(api, request('getStats', 'no' as unknown as unknown[]), own, own.id),
    ).toBeUndefined();
    expect(answerMessage(api, 'getStats', own, own.id)).toBeUndefined();
  });
});

describe('callBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('carries a call to the background and brings back its answer', async () => {
    serveBackground(api);
    // The fake browser sends no sender id; stand in for the browser's own.
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(await callBackground('getStats')).toEqual({
      ok: true,
      value: { entities: 3, aliases: 5, facts: 0, related: 0 },
    });
  });

  it('says so when the background is not there', async () => {
    const answer = await callBackground('getStats');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/not answering/);
  });
});
