import { ok } from '../../core/result';
import { isEnabledOn, unmarkName } from '../../core/settings';
import type { BackgroundHandlers } from '../../messaging/access';
import type { Background } from './compose';
import type { Following } from './follow';

/**
 * What the background answers to each call of the protocol (messaging/protocol.ts), one line or
 * so each: the table is long because the protocol is, and every entry only hands on to a service.
 * Each handler is told who calls (messaging/access.ts checked that it may); most need not know.
 */
export function handlersFor(background: Background, following: Following): BackgroundHandlers {
  const {
    mentions,
    cards,
    facts,
    related,
    coverage,
    attention,
    pacing,
    reader,
    topics,
    search,
    housekeeping,
    settingsNow,
    cardTickets,
  } = background;
  return {
    pageSettings: async (caller) => {
      mentions.notePage(caller);
      const { site } = caller;
      const now = await settingsNow();
      const { markMode, markStyle, hoverDelayMs } = now;
      return { enabled: isEnabledOn(site, now), markMode, markStyle, hoverDelayMs };
    },
    findMentions: (caller, batch) => mentions.findPageMentions(caller, batch),
    laterMentions: (caller, ticket) => mentions.laterMentions(caller, ticket),
    cardTicket: async (caller) => (caller.tab === undefined ? '' : cardTickets.issue(caller.tab)),
    redeemCardTicket: async (caller, ticket) => cardTickets.redeem(caller.tab, ticket),
    getCard: (_, key) => cards.getCard(key),
    getFacts: async (_, wikidataId) =>
      (await settingsNow()).useWikidata
        ? facts.getFacts(wikidataId)
        : ok({ wikidataId, kind: 'other' as const, facts: [] }),
    getRelated: (_, key, title, source) => related.getRelated(key, title, source),
    getCoverage: (_, key, title) => coverage.getCoverage(key, title),
    getAttention: (_, key) => attention.getAttention(key),
    newsInterest: async (_, key, interest) => pacing.setInterest(key, interest),
    getChoices: (_, name, title) => reader.getChoices(name, title),
    // A choice made in a private window holds for that page only: nothing is written.
    chooseMeaning: ({ incognito }, site, name, title) =>
      incognito ? reader.meaningOf(name, title) : reader.choose(site, name, title),
    getReaderData: (_, key, pageUrl) => reader.getReaderData(key, pageUrl),
    forgetChoice: (_, site, alias) => reader.forgetChoice(site, alias),
    clearReading: () => reader.clearReading(),
    setSubscribed: async ({ incognito }, key, title, subscribed) => {
      if (incognito) throw new Error('Topics cannot be changed from a private window.');
      const now = await topics.setSubscribed(key, title, subscribed);
      await following.refreshBadge();
      return now;
    },
    subscribeQuery: (_, keywords) => topics.subscribeQuery(keywords),
    unsubscribe: async (_, key) => {
      await topics.unsubscribe(key);
      await following.refreshBadge();
    },
    setNotify: (_, key, notify) => topics.setNotify(key, notify),
    pollTopics: async () => {
      const report = await following.poll(true);
      const found = report.found.reduce((sum, entry) => sum + entry.articles.length, 0);
      return { checked: report.checked, found, rateLimited: report.rateLimited };
    },
    markRead: async (_, ids) => {
      await topics.markRead(ids);
      await following.refreshBadge();
    },
    searchLocal: (_, text) => search.searchLocal(text),
    searchWikipedia: (_, text) => search.searchWikipedia(text),
    recordLookup: ({ incognito }, hit) =>
      incognito ? Promise.resolve() : search.recordLookup(hit),
    updateSettings: (_, changes) => housekeeping.updateSettings(changes),
    // Written down like a topic, so not from a private window; undone from the options page.
    unmarkName: async ({ incognito }, site, name, anywhere) => {
      if (incognito) throw new Error('Names cannot be unmarked from a private window.');
      const { unmarkedNames } = await settingsNow();
      await housekeeping.updateSettings({
        unmarkedNames: unmarkName(unmarkedNames, name, anywhere ? undefined : site),
      });
    },
    checkFeed: (_, url) => housekeeping.checkFeed(url),
    clearCache: () => housekeeping.clearCache(),
    exportData: async () => `${JSON.stringify(await housekeeping.exportData(), null, 2)}\n`,
    importData: async (_, text) => {
      const answer = await housekeeping.importData(text);
      await following.refreshBadge();
      return answer;
    },
    getStats: () => housekeeping.stats(),
  };
}
