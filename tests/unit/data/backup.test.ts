import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, makeBackup, parseBackup } from '../../../data/backup';
import { DEFAULT_SETTINGS } from '../../../core/settings';

const topic = {
  key: 'en:ASEAN',
  kind: 'entity' as const,
  title: 'ASEAN',
  query: 'ASEAN',
  subscribedAt: 5,
  notify: true,
};
const choice = {
  site: 'news.example',
  alias: 'karen',
  key: 'en:Karen_State',
  title: 'Karen State',
  chosenAt: 6,
};

describe('parseBackup', () => {
  it('reads back what makeBackup wrote', () => {
    const backup = makeBackup({ ...DEFAULT_SETTINGS, markMode: 'first' }, [topic], [choice], 0);
    expect(parseBackup(JSON.stringify(backup))).toEqual({ ok: true, value: backup });
  });

  it('completes a file from an older release: settings without the newer fields, bare topics', () => {
    const old = {
      format: BACKUP_FORMAT,
      version: 1,
      settings: { wikipediaLang: 'de', markMode: 'every', disabledSites: [] },
      topics: [{ key: 'en:ASEAN', title: 'ASEAN', subscribedAt: 5 }],
      choices: [],
    };
    const read = parseBackup(JSON.stringify(old));
    if (!read.ok) throw new Error(read.error);
    // A backup from before cards followed the reader's language: its one Wikipedia is the cards'.
    expect(read.value.settings).toEqual({ ...DEFAULT_SETTINGS, cardLanguage: 'de' });
    expect(read.value.topics).toEqual([{ ...topic, notify: false }]);
  });

  it('refuses a damaged, foreign or newer file, saying why', () => {
    const good = JSON.stringify(makeBackup(DEFAULT_SETTINGS, [topic], [choice], 0));
    expect(parseBackup(good.slice(0, good.length / 2))).toEqual({
      ok: false,
      error: 'This file is not a Gloss backup: it is not JSON (is it cut short?).',
    });
    expect(parseBackup('{"bookmarks": []}')).toEqual({
      ok: false,
      error: 'This file is not a Gloss backup.',
    });
    expect(parseBackup(good.replace('"version":1', '"version":9'))).toEqual({
      ok: false,
      error: 'This backup was made by a newer Gloss; update Gloss to import it.',
    });
    expect(parseBackup(good.replace('"key":"en:ASEAN"', '"key":42'))).toEqual({
      ok: false,
      error: 'This backup is damaged: topic 1 is not readable.',
    });
    expect(parseBackup(good.replace('"site":"news.example"', '"site":null')).ok).toBe(false);
    expect(parseBackup('null').ok).toBe(false);
  });

  it('passes its settings through the same checks as the options page', () => {
    const feeds = Array.from({ length: 5_000 }, (_, index) => `https://feeds.example/${index}`);
    const backup = makeBackup(
      { ...DEFAULT_SETTINGS, feeds: ['javascript:alert(1)', 'file:///etc/passwd', ...feeds] },
      [],
      [],
      0,
    );
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok && parsed.value.settings.feeds).toEqual(feeds.slice(0, 30));
  });

  it('refuses a file with more topics or choices than Gloss keeps', () => {
    const many = makeBackup(DEFAULT_SETTINGS, Array(1_001).fill(topic), [], 0);
    expect(parseBackup(JSON.stringify(many))).toEqual({
      ok: false,
      error: 'This backup holds more than Gloss keeps (1000 topics, 10000 choices).',
    });
  });
});
