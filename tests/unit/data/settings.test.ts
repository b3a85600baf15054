import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keptUntilChanged } from '../../../core/memo';
import { DEFAULT_SETTINGS, isEnabledOn, sanitiseSettings, settings } from '../../../data/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('are read once while kept, and read again once they change', async () => {
    const current = keptUntilChanged(
      () => settings.getValue(),
      (forget) => settings.watch(forget),
    );
    expect((await current()).markMode).toBe('every');
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, markMode: 'first' } });
    expect((await current()).markMode).toBe('first');
    // A second context's change arrives the same way, through the storage's change event.
    await settings.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
    expect(await current()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] });
  });

  it('are the defaults on a fresh install', async () => {
    expect(await settings.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrate from version 1, keeping what the reader chose', async () => {
    await fakeBrowser.storage.local.set({
      settings: { wikipediaLang: 'de' },
      settings$: { v: 1 },
    });
    // What the extension does when it starts with the item defined.
    await settings.migrate();
    expect(await settings.getValue()).toEqual({ ...DEFAULT_SETTINGS, wikipediaLang: 'de' });
  });

  it('migrate from version 2, adding feeds and "In your reading" (on)', async () => {
    await fakeBrowser.storage.local.set({
      settings: { wikipediaLang: 'en', markMode: 'first', disabledSites: ['example.com'] },
      settings$: { v: 2 },
    });
    await settings.migrate();
    expect(await settings.getValue()).toEqual({
      wikipediaLang: 'en',
      markMode: 'first',
      disabledSites: ['example.com'],
      feeds: [],
      rememberReading: true,
      markStyle: 'underline',
      hoverDelayMs: 500,
      useGdelt: true,
    });
  });
});

describe('isEnabledOn', () => {
  it('turns Gloss off on a listed site and its subdomains only', () => {
    expect(isEnabledOn('news.example.com', ['example.com'])).toBe(false);
    expect(isEnabledOn('example.com', ['example.com'])).toBe(false);
    expect(isEnabledOn('notexample.com', ['example.com'])).toBe(true);
  });
});

describe('sanitiseSettings', () => {
  it('reads a missing or mistyped field as its default, and keeps the rest', () => {
    expect(
      sanitiseSettings({
        wikipediaLang: 'fr',
        markMode: 'sometimes',
        disabledSites: 'example.com',
        feeds: ['https://a.example/feed', 7],
        rememberReading: false,
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, wikipediaLang: 'fr', rememberReading: false });
    expect(sanitiseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitiseSettings({ wikipediaLang: '../../evil' }).wikipediaLang).toBe('en');
  });
});
