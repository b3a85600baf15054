import { describe, expect, it, vi } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';
import { createMentionService } from '../../../services/mentions';

describe('findPageMentions', () => {
  it('notes the page for "In your reading" under the entities it found, not the ambiguous ones', async () => {
    const notes: Array<{ url: string; keys: string[] }> = [];
    const { findPageMentions } = createMentionService({
      resolveNames: async () => ({
        ASEAN: { key: 'en:ASEAN', title: 'ASEAN' },
        Karen: { key: 'en:Karen', title: 'Karen', ambiguous: { name: 'Karen' } },
      }),
      noteReading: async (page, keys) => {
        notes.push({ url: page.url, keys });
      },
      now: Date.now,
    });
    const found = await findPageMentions({
      site: 'news.example',
      page: { url: 'https://news.example/a', title: 'A' },
      texts: [{ text: 'Karen spoke to ASEAN leaders.', heading: false }],
      acronyms: [],
    });
    expect(found.entities.map((entity) => entity.key).sort()).toEqual(['en:ASEAN', 'en:Karen']);
    expect(notes).toEqual([{ url: 'https://news.example/a', keys: ['en:ASEAN'] }]);
  });

  it('reads nothing and notes nothing when the request is malformed', async () => {
    const notes: string[][] = [];
    const { findPageMentions } = createMentionService({
      resolveNames: async () => ({}),
      noteReading: async (_page, keys) => {
        notes.push(keys);
      },
      now: Date.now,
    });
    await expect(findPageMentions({ site: 'x', texts: [] })).rejects.toThrow(
      'Not a batch of page text',
    );
    expect(notes).toEqual([]);
  });

  it('notes a page once for entities its later batches name again', async () => {
    const notes: string[][] = [];
    const { findPageMentions } = createMentionService({
      resolveNames: async () => ({ ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } }),
      noteReading: async (_page, keys) => {
        notes.push(keys);
      },
      now: () => 0,
    });
    const batch = {
      site: 'news.example',
      page: { url: 'https://news.example/live', title: 'Live' },
      texts: [{ text: 'Leaders of ASEAN met.', heading: false }],
      acronyms: [],
    };
    await findPageMentions(batch);
    await findPageMentions(batch);
    expect(notes).toEqual([['en:ASEAN']]);
  });

  it('teaches the known names what the page spelt and Wikipedia confirmed, not the ambiguous', async () => {
    const learnt: string[][] = [];
    const { findPageMentions } = createMentionService({
      resolveNames: async () => ({
        'Min Aung Hlaing': { key: 'en:Min_Aung_Hlaing', title: 'Min Aung Hlaing' },
        Karen: { key: 'en:Karen', title: 'Karen', ambiguous: { name: 'Karen' } },
      }),
      noteReading: async () => {},
      knownNames: {
        matcher: async () => AliasMatcher.build([]),
        learn: async (names) => {
          learnt.push([...names]);
        },
      },
      now: Date.now,
    });
    await findPageMentions({
      site: 'news.example',
      page: { url: 'https://news.example/a', title: 'A' },
      texts: [{ text: 'Karen met Min Aung Hlaing and Min Aung Hlaing left.', heading: false }],
      acronyms: [],
    });
    expect(learnt).toEqual([['Min Aung Hlaing']]);
  });

  it('reads the page with the spotter alone when the known names cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { findPageMentions } = createMentionService({
      resolveNames: async () => ({ ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } }),
      noteReading: async () => {},
      knownNames: {
        matcher: () => Promise.reject(new Error('database closed')),
        learn: async () => {},
      },
      now: Date.now,
    });
    const found = await findPageMentions({
      site: 'news.example',
      page: { url: 'https://news.example/a', title: 'A' },
      texts: [{ text: 'Leaders of ASEAN met.', heading: false }],
      acronyms: [],
    });
    expect(found.entities).toEqual([{ key: 'en:ASEAN', title: 'ASEAN' }]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
