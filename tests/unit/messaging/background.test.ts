import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALLOWED_CALLERS, type BackgroundHandlers, type Sender } from '../../../messaging/access';
import { answerMessage, callBackground, serveBackground } from '../../../messaging/background';
import type { BackgroundCall } from '../../../messaging/protocol';
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

/** Every call answers what it was asked with, so a test sees whether (and how) it was reached. */
const handlers: BackgroundHandlers = {
  pageSettings: async ({ site }) => ({
    enabled: site !== 'off.example',
    markMode: 'every',
    markStyle: 'underline',
    hoverDelayMs: 500,
  }),
  findMentions: (caller, batch) => mentions.findPageMentions(caller, batch),
  laterMentions: (caller, ticket) => mentions.laterMentions(caller, ticket),
  cardTicket: async () => 'ticket',
  redeemCardTicket: async (_, ticket) => ticket === 'ticket',
  getCard: async () => {
    throw new Error('the database is closed');
  },
  getFacts: async () => ({ ok: false, error: { kind: 'offline' } }),
  getRelated: async () => ({ ok: true, value: { status: 'done', value: [] } }),
  getAttention: async () => ({ ok: true, value: { status: 'off' } }),
  newsInterest: async () => {},
  getChoices: async () => ({ ok: true, value: { choices: [], pageUrl: 'https://a.example/' } }),
  chooseMeaning: async (_, _site, _name, title) => ({ key: `en:${title}`, title }),
  getReaderData: async () => ({ subscribed: false, reading: null }),
  setSubscribed: async (_, _key, _title, subscribed) => subscribed,
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
  unmarkName: async () => {},
  getCoverage: async () => ({
    ok: true,
    value: { status: 'done', value: { points: [], spikes: [] } },
  }),
  forgetChoice: async () => {},
  clearCache: async () => {},
  exportData: async () => '{}',
  importData: async () => ({ ok: false, error: 'not here' }),
  getStats: async () => ({ entities: 3, aliases: 5, facts: 0, related: 0 }),
};

const own = { id: 'gloss-id', origin: 'chrome-extension://gloss-id' };
const senders: Record<string, Sender> = {
  'content script': {
    id: own.id,
    url: 'https://news.example/a?reader=42',
    frameId: 0,
    documentId: 'doc-1',
    tab: { id: 7 },
  },
  'content script in another frame': {
    id: own.id,
    url: 'https://ads.example/frame',
    frameId: 3,
    documentId: 'doc-2',
    tab: { id: 7 },
  },
  'extension page': { id: own.id, url: `${own.origin}/options.html` },
  'card frame in a tab': { id: own.id, url: `${own.origin}/card.html`, frameId: 5, tab: { id: 7 } },
  'other extension': { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' },
};
const batch = (text: string) => ({ title: 'A', texts: [{ text, heading: false }], acronyms: [] });
const request = (call: string, args: unknown[]) => ({ to: 'background', call, args });

/** Arguments each call accepts. */
const GOOD_ARGUMENTS: { [K in BackgroundCall]: unknown[] } = {
  pageSettings: [],
  findMentions: [batch('Leaders of ASEAN met.')],
  laterMentions: [1],
  cardTicket: [],
  redeemCardTicket: ['ticket'],
  getCard: ['en:ASEAN'],
  getFacts: ['Q7768'],
  getRelated: ['en:ASEAN', 'ASEAN', 'gdelt'],
  getCoverage: ['en:ASEAN', 'ASEAN'],
  getAttention: ['en:ASEAN'],
  newsInterest: ['en:ASEAN', 'open'],
  getChoices: ['Karen', 'Karen'],
  chooseMeaning: ['news.example', 'Karen', 'Karen State'],
  getReaderData: ['en:ASEAN', 'https://news.example/a'],
  setSubscribed: ['en:ASEAN', 'ASEAN', true],
  subscribeQuery: ['myanmar election'],
  unsubscribe: ['en:ASEAN'],
  setNotify: ['en:ASEAN', true],
  pollTopics: [],
  markRead: [['a']],
  searchLocal: ['ase'],
  searchWikipedia: ['ase'],
  recordLookup: [{ key: 'en:ASEAN', title: 'ASEAN' }],
  updateSettings: [{ markMode: 'first' }],
  unmarkName: ['news.example', 'Karen', false],
  forgetChoice: ['news.example', 'karen'],
  checkFeed: ['https://feeds.example/rss'],
  clearReading: [],
  clearCache: [],
  exportData: [],
  importData: ['{}'],
  getStats: [],
};

const refused = (call: string, kind: string) => ({
  ok: false,
  error: `${call} is not open to a ${kind} caller`,
});

describe('who may call what', () => {
  const calls = Object.keys(ALLOWED_CALLERS) as BackgroundCall[];
  const rows = calls.flatMap((call) =>
    Object.keys(senders).map((sender) => [call, sender] as const),
  );

  it.each(rows)('%s from a %s', async (call, sender) => {
    const answer = await answerMessage(
      handlers,
      request(call, GOOD_ARGUMENTS[call]),
      senders[sender]!,
      own,
    );
    if (sender === 'other extension') return expect(answer).toBeUndefined();
    const kind = sender.startsWith('content') ? 'content' : 'extension';
    if (!ALLOWED_CALLERS[call].includes(kind)) return expect(answer).toEqual(refused(call, kind));
    // Allowed: the handler was reached (its own answer or its own error, never a refusal).
    expect(answer).toBeDefined();
    expect(answer).not.toEqual(refused(call, kind));
    if (!answer!.ok) expect(answer!.error).not.toMatch(/bad arguments|not open/);
  });

  it('gives content scripts only what marking their page and opening its card need', () => {
    const open = calls.filter((call) => ALLOWED_CALLERS[call].includes('content'));
    expect(open.sort()).toEqual(['cardTicket', 'findMentions', 'laterMentions', 'pageSettings']);
  });
});

describe('answerMessage', () => {
  const page = senders['content script']!;

  it("takes the page's site from the browser, not from the message", async () => {
    const off = { ...page, url: 'https://off.example/' };
    const answer = await answerMessage(
      handlers,
      request('pageSettings', ['news.example']),
      off,
      own,
    );
    expect(answer).toEqual({ ok: false, error: 'pageSettings was called with bad arguments' });
    expect(await answerMessage(handlers, request('pageSettings', []), off, own)).toMatchObject({
      ok: true,
      value: { enabled: false },
    });
  });

  it("takes a script-written frame's site from its origin, and answers none without one", async () => {
    const written = { ...page, url: 'about:srcdoc', frameId: 2, origin: 'https://off.example' };
    expect(await answerMessage(handlers, request('pageSettings', []), written, own)).toMatchObject({
      ok: true,
      value: { enabled: false },
    });
    const unknown = { ...written, origin: undefined };
    expect(
      await answerMessage(handlers, request('pageSettings', []), unknown, own),
    ).toBeUndefined();
    const opaque = { ...written, origin: 'null' };
    expect(await answerMessage(handlers, request('pageSettings', []), opaque, own)).toBeUndefined();
  });

  it('reads a batch of page text for names', async () => {
    expect(
      await answerMessage(
        handlers,
        request('findMentions', [batch('Leaders of ASEAN met.')]),
        page,
        own,
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
      handlers,
      request('findMentions', [{ ...batch('x'), texts: [{ text: 42, heading: false }] }]),
      page,
      own,
    );
    expect(answer).toEqual({ ok: false, error: 'Not a batch of page text: a text' });
  });

  it.each([
    ['a key too long', 'getCard', ['x'.repeat(601)]],
    ['a number for a key', 'getCard', [42]],
    ['one argument too many', 'getStats', [1]],
    ['a flag that is no flag', 'setSubscribed', ['en:A', 'A', 'yes']],
    ['a backup over its size', 'importData', ['x'.repeat(5_000_001)]],
    ['a news source Gloss does not have', 'getRelated', ['en:A', 'A', 'anything']],
    ['an interest that is none of the three', 'newsInterest', ['en:A', 'urgent']],
  ])('refuses %s before any work', async (_, call, args) => {
    expect(
      await answerMessage(handlers, request(call, args), senders['extension page']!, own),
    ).toEqual({ ok: false, error: `${call} was called with bad arguments` });
  });

  it('turns a handler that throws into an error result', async () => {
    expect(
      await answerMessage(handlers, request('getCard', ['en:X']), senders['extension page']!, own),
    ).toEqual({ ok: false, error: 'the database is closed' });
  });

  it('ignores unknown calls, malformed messages, and senders that are no page', () => {
    const extension = senders['extension page']!;
    expect(answerMessage(handlers, request('toString', []), extension, own)).toBeUndefined();
    expect(
      answerMessage(handlers, request('getStats', 'no' as unknown as unknown[]), extension, own),
    ).toBeUndefined();
    expect(answerMessage(handlers, 'getStats', extension, own)).toBeUndefined();
    // A sender of Gloss's id but neither Gloss's page nor a web page in a tab.
    const odd = { id: own.id, url: 'file:///etc/passwd', tab: { id: 1 } };
    expect(answerMessage(handlers, request('pageSettings', []), odd, own)).toBeUndefined();
    expect(
      answerMessage(handlers, request('pageSettings', []), { id: own.id }, own),
    ).toBeUndefined();
  });
});

describe('callBackground', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says so when the background is not there', async () => {
    const answer = await callBackground('getStats');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/not answering/);
  });

  it('says so when the background answers nothing, as Firefox resolves with no listener to answer', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    const answer = await callBackground('getStats');
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/no answer to getStats/);
  });

  it('registers its listener at once', () => {
    serveBackground(handlers);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
  });
});
