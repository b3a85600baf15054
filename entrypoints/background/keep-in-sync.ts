import { browser } from 'wxt/browser';
import type { GlossDb } from '../../data/db';
import { currentSettings, settings, syncKnown, syncStatus } from '../../data/settings-store';
import { createSync } from '../../services/sync';

/**
 * Changes come in bursts (an import, a settings form): they are gathered this long before a
 * round, which also keeps Gloss far under the sync area's write limits (120 a minute in Chrome).
 */
const SYNC_AFTER_MS = 1_000;

/**
 * The sync area on the browser's side: a round a moment after the reader changes settings, topics
 * or choices here, after another browser's change arrives, and once at each start. `taken` runs
 * after a round (another browser's topics may have changed the unread count).
 */
export function keepInSync(
  db: GlossDb,
  unsubscribe: (key: string) => Promise<void>,
  taken: () => Promise<void>,
): void {
  const sync = createSync({
    db,
    area: {
      get: () => browser.storage.sync.get(null),
      set: (items) => browser.storage.sync.set(items),
      remove: (keys) => browser.storage.sync.remove(keys),
    },
    readSettings: currentSettings,
    writeSettings: (value) => settings.setValue(value),
    unsubscribe,
    known: { get: () => syncKnown.getValue(), set: (state) => syncKnown.setValue(state) },
    report: (status) => syncStatus.setValue(status),
    now: Date.now,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void sync
        .sync()
        .then(taken)
        .catch(() => undefined);
    }, SYNC_AFTER_MS);
  };
  db.onWrite('subscriptions', soon);
  db.onWrite('choices', soon);
  settings.watch(soon);
  browser.storage.onChanged.addListener((_, area) => area === 'sync' && soon());
  soon();
}
