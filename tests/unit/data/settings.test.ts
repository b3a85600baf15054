import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keptUntilChanged } from '../../../core/memo';
import { unmarkedOn, unmarkName } from '../../../core/settings';
import { DEFAULT_OFF_SITES } from '../../../core/sites';
import { settings } from '../../../data/settings-store';
import {
  DEFAULT_SETTINGS,
  isEnabledOn,
  sanitiseSettings,
  switchSite,
} from '../../../core/settings';

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
    // The one Wikipedia of earlier releases is the cards' language now.
    expect(await settings.getValue()).toEqual({ ...DEFAULT_SETTINGS, cardLanguage: 'de' });
  });

  it('migrate from version 2, adding feeds and "In your reading" (on)', async () => {
    await fakeBrowser.storage.local.set({
      settings: { wikipediaLang: 'en', markMode: 'first', disabledSites: ['example.com'] },
      settings$: { v: 2 },
    });
    await settings.migrate();
    expect(await settings.getValue()).toEqual({
      cardLanguage: 'en',
      markMode: 'first',
      // Webmail and messaging sites join the reader's own list.
      disabledSites: [...DEFAULT_OFF_SITES, 'example.com'],
      enabledSites: [],
      feeds: [],
      rememberReading: true,
      markStyle: 'underline',
      hoverDelayMs: 500,
      useGdelt: true,
      // The other sources came later: Google News waits for the reader to turn it on.
      useGoogleNews: false,
      useWikidata: true,
      usePageviews: true,
      // Added later, with nothing in it.
      unmarkedNames: [],
    });
  });
});

describe('unmarked names', () => {
  it('are kept normalised, each once, on a site or anywhere, and malformed ones dropped', () => {
    const { unmarkedNames } = sanitiseSettings({
      unmarkedNames: [
        { name: 'Karen', site: 'news.example' },
        { name: '  KAREN ', site: 'news.example' },
        { name: 'Georgia' },
        { name: 42 },
        { name: 'x'.repeat(201) },
        'ASEAN',
      ],
    });
    expect(unmarkedNames).toEqual([{ name: 'karen', site: 'news.example' }, { name: 'georgia' }]);
  });

  it('hold on their site, or on every site', () => {
    let list = unmarkName([], 'Karen', 'news.example');
    list = unmarkName(list, 'Georgia');
    expect([...unmarkedOn(list, 'news.example')].sort()).toEqual(['georgia', 'karen']);
    expect([...unmarkedOn(list, 'other.example')]).toEqual(['georgia']);
  });
});

describe('isEnabledOn', () => {
  const lists = { disabledSites: ['example.com'], enabledSites: ['192.168.1.20'] };

  it('turns Gloss off on a listed site and its subdomains only', () => {
    expect(isEnabledOn('news.example.com', lists)).toBe(false);
    expect(isEnabledOn('example.com', lists)).toBe(false);
    expect(isEnabledOn('notexample.com', lists)).toBe(true);
  });

  it('is off on webmail and messaging sites out of the box', () => {
    expect(isEnabledOn('mail.google.com', DEFAULT_SETTINGS)).toBe(false);
    expect(isEnabledOn('web.whatsapp.com', DEFAULT_SETTINGS)).toBe(false);
    expect(isEnabledOn('www.theguardian.com', DEFAULT_SETTINGS)).toBe(true);
  });

  it.each([
    'localhost',
    'app.localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.1.1',
    'printer.local',
    'wiki.corp.internal',
    'intranet',
    '[::1]',
    '[fd12::1]',
    '[fe80::1]',
  ])('is off on the private address %s unless turned on there', (host) => {
    expect(isEnabledOn(host, { disabledSites: [], enabledSites: [] })).toBe(false);
    expect(isEnabledOn(host, { disabledSites: [], enabledSites: [host] })).toBe(true);
  });

  it.each([
    '172.32.0.1',
    '8.8.8.8',
    'local.example.com',
    'news.internal-affairs.org',
    '[2001:db8::1]',
  ])('runs on the public address %s', (host) =>
    expect(isEnabledOn(host, { disabledSites: [], enabledSites: [] })).toBe(true),
  );
});

describe('switchSite', () => {
  it('turns a site off, and back on, parent domains included', () => {
    const off = switchSite(
      { disabledSites: ['example.com'], enabledSites: [] },
      'a.example.com',
      false,
    );
    expect(off.disabledSites).toEqual(['example.com', 'a.example.com']);
    const on = switchSite(off, 'a.example.com', true);
    expect(on).toEqual({ disabledSites: [], enabledSites: [] });
  });

  it('remembers a private address the reader turned Gloss on for, and forgets it when off', () => {
    const on = switchSite({ disabledSites: [], enabledSites: [] }, '192.168.1.20', true);
    expect(on).toEqual({ disabledSites: [], enabledSites: ['192.168.1.20'] });
    expect(isEnabledOn('192.168.1.20', on)).toBe(true);
    const off = switchSite(on, '192.168.1.20', false);
    expect(isEnabledOn('192.168.1.20', off)).toBe(false);
    expect(off.enabledSites).toEqual([]);
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
    ).toEqual({ ...DEFAULT_SETTINGS, cardLanguage: 'fr', rememberReading: false });
    expect(sanitiseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitiseSettings({ cardLanguage: '../../evil' }).cardLanguage).toBe('');
    expect(sanitiseSettings({ cardLanguage: 'xx' }).cardLanguage).toBe('');
    expect(sanitiseSettings({ cardLanguage: 'de', wikipediaLang: 'fr' }).cardLanguage).toBe('de');
  });
});
