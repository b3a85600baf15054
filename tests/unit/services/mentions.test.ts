import { describe, expect, it, vi } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';
import type { ResolvedName } from '../../../core/entity';
import { createMentionService } from '../../../services/mentions';

/** A background whose cache knows `names` (and nothing is looked up). */
const knowing = (names: Record<string, ResolvedName>) => async () => ({ resolved: names });

describe('findPageMentions', () => {
  it('notes the page for "In your reading" under the entities it found, not the ambiguous ones', async () => {
    const notes: Array<{ url: string; keys: string[] }> = [];
    const { findPageMentions } = createMentionService({
      resolveNames: knowing({
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
      resolveNames: knowing({}),
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
      resolveNames: knowing({ ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } }),
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
      resolveNames: knowing({
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
      resolveNames: knowing({ ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } }),
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

  describe('names still being looked up', () => {
    const asean = { key: 'en:ASEAN', title: 'ASEAN' };
    const nld = { key: 'en:National_League_for_Democracy', title: 'National League for Democracy' };
    const batch = {
      site: 'news.example',
      page: { url: 'https://news.example/a', title: 'A' },
      texts: [{ text: 'ASEAN met the National League for Democracy.', heading: false }],
      acronyms: [],
    };
    /** A cache that knows ASEAN; the party is looked up and found. */
    const resolveNames = async () => ({
      resolved: { ASEAN: asean },
      later: {
        names: new Set(['National League for Democracy']),
        resolved: Promise.resolve({ ASEAN: asean, 'National League for Democracy': nld }),
      },
    });

    it('answers the known at once, the rest for a ticket, noting the page under both', async () => {
      const notes: string[][] = [];
      const service = createMentionService({
        resolveNames,
        noteReading: async (_page, keys) => {
          notes.push(keys);
        },
        now: () => 0,
      });
      const first = await service.findPageMentions(batch);
      expect(first.entities).toEqual([asean]);
      const rest = await service.laterMentions(first.later);
      expect(rest.entities).toEqual([nld]);
      const start = batch.texts[0]!.text.indexOf(nld.title);
      expect(rest.mentions).toEqual([[0, start, start + nld.title.length, 0]]);
      expect(notes).toEqual([['en:ASEAN'], ['en:National_League_for_Democracy']]);
      // A ticket is answered once; another, or a made-up one, gets nothing.
      expect((await service.laterMentions(first.later)).mentions).toEqual([]);
      expect((await service.laterMentions('x')).mentions).toEqual([]);
    });

    it('forgets the rest when the page never asks for it', async () => {
      const timers: Array<() => void> = [];
      const service = createMentionService({
        resolveNames,
        noteReading: async () => {},
        now: () => 0,
        schedule: (run) => timers.push(run),
      });
      const first = await service.findPageMentions(batch);
      timers.forEach((run) => run());
      expect((await service.laterMentions(first.later)).mentions).toEqual([]);
    });
  });
});
