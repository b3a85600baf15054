import { describe, expect, it } from 'vitest';
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
});
