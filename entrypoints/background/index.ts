import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Backoff } from '../../core/backoff';
import { seedAliasPack } from '../../data/alias-pack';
import { createCacheKeeper } from '../../data/cache-keeper';
import { GlossDb } from '../../data/db';
import { currentSettings, isEnabledOn, sourceOverrides } from '../../data/settings';
import { serveBackground } from '../../messaging/background';
import { createEntityService } from '../../services/entities';
import { createFactsService } from '../../services/facts';
import { createReaderService } from '../../services/reader';
import { createRelatedService } from '../../services/related';

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
  const http = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    userAgent: `Gloss/${browser.runtime.getManifest().version} (browser extension)`,
    timeoutMs: 8000,
    backoff: new Backoff(Date.now),
    now: Date.now,
  };
  const sources = async () => {
    const [{ wikipediaLang }, overrides] = await Promise.all([
      currentSettings(),
      sourceOverrides.getValue(),
    ]);
    return { lang: wikipediaLang, overrides };
  };
  const wikipediaSite = async () => {
    const { lang, overrides } = await sources();
    return { lang, origin: overrides.wikipediaOrigin ?? `https://${lang}.wikipedia.org` };
  };
  const entities = createEntityService({ db, ready, http, site: wikipediaSite, now: Date.now });
  const facts = createFactsService({
    db,
    http,
    site: async () => {
      const { lang, overrides } = await sources();
      return { lang, origin: overrides.wikidataOrigin ?? 'https://www.wikidata.org' };
    },
    now: Date.now,
  });

  const related = createRelatedService({
    db,
    http,
    site: async () => ({
      origin: (await sourceOverrides.getValue()).gdeltOrigin ?? 'https://api.gdeltproject.org',
    }),
    feeds: async () => (await currentSettings()).feeds,
    now: Date.now,
  });

  const reader = createReaderService({
    db,
    http,
    site: wikipediaSite,
    remembersReading: async () => (await currentSettings()).rememberReading,
    now: Date.now,
  });

  serveBackground({
    pageSettings: async (host) => {
      const { disabledSites, markMode } = await currentSettings();
      return { enabled: isEnabledOn(host, disabledSites), markMode };
    },
    resolveNames: entities.resolveNames,
    getCard: entities.getCard,
    getFacts: facts.getFacts,
    getRelated: related.getRelated,
    getChoices: reader.getChoices,
    chooseMeaning: reader.choose,
    getReaderData: reader.getReaderData,
    setSubscribed: reader.setSubscribed,
    noteReading: reader.noteReading,
    getStats: entities.stats,
  });
});
