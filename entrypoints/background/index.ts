import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { GlossDb } from '../../data/db';
import { settings, sourceOverrides } from '../../data/settings';
import { serveBackground } from '../../messaging/background';
import { createEntityService } from '../../services/entities';

/** Gloss's composition root: the only context that touches the network and the database. */
export default defineBackground(() => {
  // Opened once here: opening IndexedDB costs tens of milliseconds, a read a tenth of one.
  const db = new GlossDb();
  const entities = createEntityService({
    db,
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
    resolveNames: entities.resolveNames,
    getCard: entities.getCard,
    getStats: entities.stats,
  });
});
