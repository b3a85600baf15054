import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { seedAliasPack } from '../../data/alias-pack';
import { GlossDb } from '../../data/db';
import { isEnabledOn, settings, sourceOverrides } from '../../data/settings';
import { serveBackground } from '../../messaging/background';
import { createEntityService } from '../../services/entities';

/** Gloss's composition root: the only context that touches the network and the database. */
export default defineBackground(() => {
  // Opened once here: opening IndexedDB costs tens of milliseconds, a read a tenth of one.
  const db = new GlossDb();
  // A failed seed costs only the pack's variant names; lookups go on without it.
  const ready = seedAliasPack(db, Date.now()).catch((error: unknown) =>
    console.warn('Gloss could not seed its alias pack:', error),
  );
  const entities = createEntityService({
    db,
    ready,
    http: {
      fetch: (input, init) => fetch(input, init),
      userAgent: `Gloss/${browser.runtime.getManifest().version} (browser extension)`,
      timeoutMs: 8000,
    },
    site: async () => {
      const [{ wikipediaLang }, overrides] = await Promise.all([
        settings.getValue(),
        sourceOverrides.getValue(),
      ]);
      return {
        lang: wikipediaLang,
        origin: overrides.wikipediaOrigin ?? `https://${wikipediaLang}.wikipedia.org`,
      };
    },
    now: Date.now,
  });

  serveBackground({
    pageSettings: async (host) => {
      const { disabledSites, markMode } = await settings.getValue();
      return { enabled: isEnabledOn(host, disabledSites), markMode };
    },
    resolveNames: entities.resolveNames,
    getCard: entities.getCard,
    getStats: entities.stats,
  });
});
