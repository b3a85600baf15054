import { storage } from 'wxt/utils/storage';

/**
 * Where the sources are served from. Empty in normal use; the demo and the end-to-end tests point
 * it at a local server that answers like Wikipedia, so the same build runs offline.
 */
export interface SourceOverrides {
  wikipediaOrigin?: string;
}

export const sourceOverrides = storage.defineItem<SourceOverrides>('local:sourceOverrides', {
  fallback: {},
});

/** The reader's preferences, versioned so later releases can migrate them. */
export interface Settings {
  wikipediaLang: string;
}

export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: { wikipediaLang: 'en' },
  version: 1,
});
