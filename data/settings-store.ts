import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  sanitiseSettings,
  SETTINGS_VERSION,
  type Settings,
} from '../core/settings';
import { DEFAULT_OFF_SITES } from '../core/sites';
import type { SyncState, SyncStatus } from '../core/sync';

/**
 * Where the sources are served from. Empty in normal use; the demo and the end-to-end tests point
 * it at a local server that answers like Wikipedia, so the same build runs offline.
 */
export interface SourceOverrides {
  wikipediaOrigin?: string;
  wikidataOrigin?: string;
  gdeltOrigin?: string;
  googleNewsOrigin?: string;
  pageviewsOrigin?: string;
}

export const sourceOverrides = storage.defineItem<SourceOverrides>('local:sourceOverrides', {
  fallback: {},
});

/** What this browser last wrote to or took from the sync area (core/sync.ts), by item. */
export const syncKnown = storage.defineItem<SyncState>('local:syncKnown', { fallback: {} });

/** How the last sync went, for the options page. */
export const syncStatus = storage.defineItem<SyncStatus | null>('local:syncStatus', {
  fallback: null,
});

export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: {
    // 2: marking preferences and sites where Gloss is off.
    2: (old: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...old }),
    // 3: the reader's feeds, and "In your reading" (on unless turned off).
    3: (old: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...old }),
    // 4: mark style, hover delay, and whether GDELT is asked.
    4: (old: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...old }),
    // 5: Gloss stays off on webmail and messaging sites (added to the reader's own list), and on
    // private addresses unless turned on there.
    5: (old: Partial<Settings>): Settings => ({
      ...DEFAULT_SETTINGS,
      ...old,
      disabledSites: [...new Set([...DEFAULT_OFF_SITES, ...(old.disabledSites ?? [])])],
      enabledSites: old.enabledSites ?? [],
    }),
    // 6: cards follow the reader's language; the one Wikipedia of earlier releases becomes the
    // cards' language, as it was.
    6: ({ wikipediaLang, ...old }: Partial<Settings> & { wikipediaLang?: string }): Settings => ({
      ...DEFAULT_SETTINGS,
      ...old,
      cardLanguage: wikipediaLang ?? old.cardLanguage ?? DEFAULT_SETTINGS.cardLanguage,
    }),
  },
});

/**
 * The settings as stored, each field checked: a missing or mistyped one (an older release, a hand
 * edit, a corrupt write) reads as its default instead of breaking whoever asked.
 */
export async function currentSettings(): Promise<Settings> {
  return sanitiseSettings(await settings.getValue());
}
