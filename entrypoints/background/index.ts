import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Backoff } from '../../core/backoff';
import { keptUntilChanged } from '../../core/memo';
import { seedAliasPack } from '../../data/alias-pack';
import { createCacheKeeper } from '../../data/cache-keeper';
import { GlossDb } from '../../data/db';
import { currentSettings, settings, sourceOverrides } from '../../data/settings-store';
import { cardWiki, isEnabledOn, unmarkedOn, unmarkName } from '../../core/settings';
import { serveBackground } from '../../messaging/background';
import { createEntityService } from '../../services/entities';
import { createKnownNames } from '../../services/known-names';
import { createMentionService } from '../../services/mentions';
import { createFactsService } from '../../services/facts';
import { createReaderService } from '../../services/reader';
import { createRelatedService } from '../../services/related';
import { createCoverageService } from '../../services/coverage';
import { createNewsNames } from '../../services/news-names';
import { createSearchService } from '../../services/search';
import { createTopicService } from '../../services/topics';
import { createHousekeeping } from '../../services/housekeeping';
import { POLL_INTERVAL_MINUTES } from '../../core/topic-schedule';
import { runCommand } from './commands';
import { followTopics } from './follow';
import { keepInSync } from './keep-in-sync';

/** Where the sources' 429 waits are kept across worker restarts. */
const BACKOFF_KEY = 'backoff';

/** Gloss's composition root: the only context that touches the network and the database. */
export default defineBackground(() => {
  // Opened once here: opening IndexedDB costs tens of milliseconds, a read a tenth of one.
  const db = new GlossDb();
  // A failed seed costs only the pack's variant names; lookups go on without it.
  const ready = seedAliasPack(db, Date.now())
    .catch((error: unknown) => console.warn('Gloss could not seed its alias pack:', error))
    // A cache that grew past its limits in an earlier session is trimmed once per start.
    .then(() => createCacheKeeper(db).trimToLimits())
    .catch((error: unknown) => console.warn('Gloss could not trim its cache:', error));
  // Read with every page: kept in memory, read again when the reader changes them.
  const settingsNow = keptUntilChanged(currentSettings, (forget) => settings.watch(forget));
  const overridesNow = keptUntilChanged(
    () => sourceOverrides.getValue(),
    (forget) => sourceOverrides.watch(forget),
  );
  // A source's 429 wait outlives the worker (the browser stops an idle one within a minute), in
  // session storage: gone when the browser closes, as the wait would be long over by then.
  const backoff = new Backoff(Date.now, (waits) => {
    void browser.storage.session.set({ [BACKOFF_KEY]: waits }).catch(() => undefined);
  });
  void browser.storage.session
    .get(BACKOFF_KEY)
    .then((kept) => backoff.restore(kept[BACKOFF_KEY]))
    .catch(() => undefined);
  const http = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    userAgent: `Gloss/${browser.runtime.getManifest().version} (browser extension)`,
    timeoutMs: 8000,
    backoff,
    now: Date.now,
  };
  const cardLanguage = async () => cardWiki(await settingsNow(), browser.i18n.getUILanguage());
  // A stand-in's address may hold `{lang}`, so one local server answers for several Wikipedias.
  const wikipediaOf = async (wiki: string) => {
    const { wikipediaOrigin } = await overridesNow();
    return {
      lang: wiki,
      origin: wikipediaOrigin?.replace('{lang}', wiki) ?? `https://${wiki}.wikipedia.org`,
    };
  };
  const wikipediaSite = async () => wikipediaOf(await cardLanguage());
  const wikidataSite = async () => ({
    lang: await cardLanguage(),
    origin: (await overridesNow()).wikidataOrigin ?? 'https://www.wikidata.org',
  });
  const entities = createEntityService({
    db,
    ready,
    http,
    wikipedia: wikipediaOf,
    cardWiki: cardLanguage,
    wikidata: wikidataSite,
    now: Date.now,
  });
  const facts = createFactsService({ db, http, site: wikidataSite, now: Date.now });
  const newsName = createNewsNames({ http, card: entities.getCard, wikidata: wikidataSite });

  const gdeltSite = async () => ({
    origin: (await overridesNow()).gdeltOrigin ?? 'https://api.gdeltproject.org',
  });
  const feeds = async () => (await settingsNow()).feeds;
  const related = createRelatedService({
    db,
    http,
    site: async () => ((await settingsNow()).useGdelt ? gdeltSite() : undefined),
    feeds,
    newsName,
    now: Date.now,
  });
  const coverage = createCoverageService({
    db,
    http,
    site: async () => ((await settingsNow()).useGdelt ? gdeltSite() : undefined),
    newsName,
    now: Date.now,
  });
  const reader = createReaderService({
    db,
    http,
    site: wikipediaSite,
    remembersReading: async () => (await settingsNow()).rememberReading,
    now: Date.now,
  });
  const topics = createTopicService({
    db,
    http,
    gdelt: async () => ((await settingsNow()).useGdelt ? gdeltSite() : undefined),
    feeds,
    intervalMinutes: async () => POLL_INTERVAL_MINUTES,
    newsName,
    now: Date.now,
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const mentions = createMentionService({
    resolveNames: entities.resolveNamesInSteps,
    noteReading: reader.noteReading,
    unmarkedOn: async (site) => unmarkedOn((await settingsNow()).unmarkedNames, site),
    knownNames: createKnownNames({ db }),
    now: Date.now,
  });
  const search = createSearchService({ db, http, site: wikipediaSite, now: Date.now });
  const housekeeping = createHousekeeping({
    db,
    http,
    readSettings: currentSettings,
    writeSettings: (value) => settings.setValue(value),
    storageBytes: async () => (await navigator.storage?.estimate?.())?.usage,
    now: Date.now,
  });

  // Listeners first (a woken worker delivers only to those added at once), then the rest.
  // Each handler is told who calls (messaging/access.ts checked that it may); most need not know.
  const following = followTopics(topics);
  // Settings, topics and choices follow the reader to their other browsers; nothing else does.
  keepInSync(db, topics.unsubscribe, following.refreshBadge);
  // A keyboard command goes to the top document of the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) =>
    runCommand(command, tab?.id, (tabId, request) =>
      browser.tabs.sendMessage(tabId, request, { frameId: 0 }),
    ),
  );
  serveBackground({
    pageSettings: async (caller) => {
      mentions.notePage(caller);
      const { site } = caller;
      const now = await settingsNow();
      const { markMode, markStyle, hoverDelayMs } = now;
      return { enabled: isEnabledOn(site, now), markMode, markStyle, hoverDelayMs };
    },
    findMentions: (caller, batch) => mentions.findPageMentions(caller, batch),
    laterMentions: (caller, ticket) => mentions.laterMentions(caller, ticket),
    getCard: (_, key) => entities.getCard(key),
    getFacts: (_, wikidataId) => facts.getFacts(wikidataId),
    getRelated: (_, key, title) => related.getRelated(key, title),
    getCoverage: (_, key, title) => coverage.getCoverage(key, title),
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
  });
});
