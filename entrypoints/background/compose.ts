import { keptUntilChanged } from '../../core/memo';
import { unmarkedOn } from '../../core/settings';
import { POLL_INTERVAL_MINUTES } from '../../core/topic-schedule';
import { seedAliasPack } from '../../data/alias-pack';
import { createCacheKeeper } from '../../data/cache-keeper';
import { GlossDb } from '../../data/db';
import { currentSettings, settings } from '../../data/settings-store';
import { createAttentionService } from '../../services/attention';
import { createCardService } from '../../services/cards';
import { createCoverageService } from '../../services/coverage';
import { createFactsService } from '../../services/facts';
import { createHousekeeping } from '../../services/housekeeping';
import { createKnownNames } from '../../services/known-names';
import { createCardTickets } from '../../services/card-tickets';
import { createMentionService } from '../../services/mentions';
import { createNameResolver } from '../../services/name-resolution';
import { createNewsNames } from '../../services/news-names';
import { createReaderService } from '../../services/reader';
import { createRelatedService } from '../../services/related';
import { createSearchService } from '../../services/search';
import { createTopicService } from '../../services/topics';
import { createSources } from './sources';

/**
 * Gloss's composition root: the database, the cache keeper, the sources and every service, each
 * made once here and handed to those that need it. The background is the only context that
 * touches the network and the database.
 */
export function composeBackground() {
  // Opened once here: opening IndexedDB costs tens of milliseconds, a read a tenth of one.
  const db = new GlossDb();
  const cache = createCacheKeeper(db);
  // A failed seed costs only the pack's variant names; lookups go on without it.
  const ready = seedAliasPack(db, Date.now())
    .catch((error: unknown) => console.warn('Gloss could not seed its alias pack:', error))
    // A cache that grew past its limits in an earlier session is trimmed once per start.
    .then(() => cache.trimToLimits())
    .catch((error: unknown) => console.warn('Gloss could not trim its cache:', error));
  // Read with every page: kept in memory, read again when the reader changes them.
  const settingsNow = keptUntilChanged(currentSettings, (forget) => settings.watch(forget));
  const sources = createSources(settingsNow);
  const { http, pacing, wikipedia, wikidata, gdelt, cardWikipedia } = sources;
  const now = Date.now;
  const useWikidata = async () => (await settingsNow()).useWikidata;
  const base = { db, cache, http, now };

  const names = createNameResolver({
    ...base,
    ready,
    wikipedia,
    cardWiki: sources.cardLanguage,
    wikidata,
    useWikidata,
  });
  const cards = createCardService({ ...base, wikipedia });
  const newsName = createNewsNames({ http, card: cards.getCard, wikidata, useWikidata });
  const feeds = async () => (await settingsNow()).feeds;
  const reader = createReaderService({
    ...base,
    site: cardWikipedia,
    remembersReading: async () => (await settingsNow()).rememberReading,
  });
  return {
    cardTickets: createCardTickets(),
    db,
    settingsNow,
    cards,
    reader,
    facts: createFactsService({ ...base, site: wikidata }),
    pacing,
    related: createRelatedService({
      ...base,
      pacing,
      gdelt,
      googleNews: sources.googleNews,
      cardLanguage: sources.cardLanguage,
      feeds,
      newsName,
    }),
    coverage: createCoverageService({ ...base, pacing, site: gdelt, newsName }),
    attention: createAttentionService({ ...base, site: sources.pageviews }),
    topics: createTopicService({
      db,
      http,
      pacing,
      gdelt,
      feeds,
      intervalMinutes: async () => POLL_INTERVAL_MINUTES,
      newsName,
      now,
      pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    }),
    mentions: createMentionService({
      resolveNames: names.resolveNamesInSteps,
      noteReading: reader.noteReading,
      unmarkedOn: async (site) => unmarkedOn((await settingsNow()).unmarkedNames, site),
      knownNames: createKnownNames({ db }),
      now,
    }),
    search: createSearchService({ db, http, site: cardWikipedia, now }),
    housekeeping: createHousekeeping({
      ...base,
      readSettings: currentSettings,
      writeSettings: (value) => settings.setValue(value),
      storageBytes: async () => (await navigator.storage?.estimate?.())?.usage,
    }),
  };
}

export type Background = ReturnType<typeof composeBackground>;
