import { describe, expect, it, vi } from 'vitest';
import { AliasMatcher } from '../../../core/alias-matcher';
import type { ResolvedName } from '../../../core/entity';
import { createMentionService } from '../../../services/mentions';

/** A background whose cache knows `names` (and nothing is looked up). */
const knowing = (names: Record<string, ResolvedName>) => async () => ({ resolved: names });

/** The page a batch comes from, as the browser tells it (`document`: "tab-<tab>:<frame>:<id>"). */
const from = (url = 'https://news.example/a', document = 'tab-1:0:doc-1', incognito = false) => {
  const [, tab, frame] = /^tab-(\d+):(\d+):/.exec(document)!;
  return {
    url,
    site: new URL(url).hostname,
    document,
    tab: Number(tab),
    frame: Number(frame),
    incognito,
  };
};

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
    const found = await findPageMentions(from('https://news.example/a'), {
      title: 'A',
      texts: [{ text: 'Karen spoke to ASEAN leaders.', heading: false }],
      acronyms: [],
    });
    expect(found.entities.map((entity) => entity.key).sort()).toEqual(['en:ASEAN', 'en:Karen']);
    // The page is the one the browser said the text came from.
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
    await expect(findPageMentions(from(), { texts: [] })).rejects.toThrow(
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
      title: 'Live',
      texts: [{ text: 'Leaders of ASEAN met.', heading: false }],
      acronyms: [],
    };
    await findPageMentions(from('https://news.example/live'), batch);
    await findPageMentions(from('https://news.example/live'), batch);
    expect(notes).toEqual([['en:ASEAN']]);
  });

  it("teaches its site's known names what the page spelt and Wikipedia confirmed, not the ambiguous", async () => {
    const learnt: Array<[string, string[]]> = [];
    const { findPageMentions } = createMentionService({
      resolveNames: knowing({
        'Min Aung Hlaing': { key: 'en:Min_Aung_Hlaing', title: 'Min Aung Hlaing' },
        Karen: { key: 'en:Karen', title: 'Karen', ambiguous: { name: 'Karen' } },
      }),
      noteReading: async () => {},
      knownNames: {
        matcher: async () => AliasMatcher.build([]),
        learn: async (site, names) => {
          learnt.push([site, [...names]]);
        },
      },
      now: Date.now,
    });
    await findPageMentions(from(), {
      title: 'A',
      texts: [{ text: 'Karen met Min Aung Hlaing and Min Aung Hlaing left.', heading: false }],
      acronyms: [],
    });
    expect(learnt).toEqual([['news.example', ['Min Aung Hlaing']]]);
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
    const found = await findPageMentions(from(), {
      title: 'A',
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
      title: 'A',
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
      const first = await service.findPageMentions(from(), batch);
      expect(first.entities).toEqual([asean]);
      // Another tab's or frame's document cannot collect this document's ticket.
      const other = from('https://news.example/a', 'tab-2:0:doc-9');
      expect((await service.laterMentions(other, first.later)).mentions).toEqual([]);
      const rest = await service.laterMentions(from(), first.later);
      expect(rest.entities).toEqual([nld]);
      const start = batch.texts[0]!.text.indexOf(nld.title);
      expect(rest.mentions).toEqual([[0, start, start + nld.title.length, 0]]);
      expect(notes).toEqual([['en:ASEAN'], ['en:National_League_for_Democracy']]);
      // A ticket is answered once; another, or a made-up one, gets nothing.
      expect((await service.laterMentions(from(), first.later)).mentions).toEqual([]);
      expect((await service.laterMentions(from(), 'x')).mentions).toEqual([]);
    });

    it('forgets the rest when the page never asks for it', async () => {
      const timers: Array<() => void> = [];
      const service = createMentionService({
        resolveNames,
        noteReading: async () => {},
        now: () => 0,
        schedule: (run) => timers.push(run),
      });
      const first = await service.findPageMentions(from(), batch);
      timers.forEach((run) => run());
      expect((await service.laterMentions(from(), first.later)).mentions).toEqual([]);
    });
  });

  it('from a private window, learns no names and notes no reading', async () => {
    const notes: string[][] = [];
    const learnt: string[][] = [];
    const remembered: boolean[] = [];
    const { findPageMentions } = createMentionService({
      resolveNames: async (_names, _site, _budget, remember) => {
        remembered.push(remember);
        return { resolved: { 'Min Aung Hlaing': { key: 'en:MAH', title: 'Min Aung Hlaing' } } };
      },
      noteReading: async (_page, keys) => {
        notes.push(keys);
      },
      knownNames: {
        matcher: async () => AliasMatcher.build([]),
        learn: async (_site, names) => {
          learnt.push([...names]);
        },
      },
      now: Date.now,
    });
    const found = await findPageMentions(from('https://news.example/a', 'tab-9:0:doc', true), {
      title: 'A',
      texts: [{ text: 'Min Aung Hlaing spoke.', heading: false }],
      acronyms: [],
    });
    // Marked all the same; nothing written down.
    expect(found.entities).toEqual([{ key: 'en:MAH', title: 'Min Aung Hlaing' }]);
    expect(remembered).toEqual([false]);
    expect(notes).toEqual([]);
    expect(learnt).toEqual([]);
  });

  it("spends a site's one look-up budget in a tab across its batches and reloads", async () => {
    const budgets: object[] = [];
    const { findPageMentions } = createMentionService({
      resolveNames: async (_names, _site, budget) => {
        budgets.push(budget);
        budget.titles -= 150;
        return { resolved: {} };
      },
      noteReading: async () => {},
      now: Date.now,
    });
    const batch = {
      title: 'A',
      texts: [{ text: 'Min Aung Hlaing spoke.', heading: false }],
      acronyms: [],
    };
    await findPageMentions(from(), batch);
    await findPageMentions(from(), batch);
    // The page reloaded, or went on to another of the site's pages: the same budget.
    await findPageMentions(from('https://news.example/b', 'tab-1:0:doc-2'), batch);
    await findPageMentions(from('https://other.example/b', 'tab-1:0:doc-3'), batch);
    await findPageMentions(from('https://news.example/a', 'tab-2:0:doc-4'), batch);
    expect(budgets[0]).toBe(budgets[1]);
    expect(budgets[2]).toBe(budgets[0]);
    expect(budgets[2]).toMatchObject({ titles: 200 - 450 });
    expect(budgets[3]).not.toBe(budgets[0]);
    expect(budgets[4]).not.toBe(budgets[0]);
  });

  it("spends the page's one budget in its frames too, and notes only the page for reading", async () => {
    const budgets: object[] = [];
    const notes: string[] = [];
    const service = createMentionService({
      resolveNames: async (_names, _site, budget) => {
        budgets.push(budget);
        return { resolved: { ASEAN: { key: 'en:ASEAN', title: 'ASEAN' } } };
      },
      noteReading: async (page) => {
        notes.push(page.url);
      },
      now: Date.now,
    });
    const batch = {
      title: 'A',
      texts: [{ text: 'Leaders of ASEAN met.', heading: false }],
      acronyms: [],
    };
    service.notePage(from('https://news.example/a', 'tab-1:0:doc-1'));
    await service.findPageMentions(from('https://news.example/frame', 'tab-1:3:doc-7'), batch);
    await service.findPageMentions(from('https://news.example/a', 'tab-1:0:doc-1'), batch);
    // Another tab's frame has its own page's budget.
    await service.findPageMentions(from('https://news.example/frame', 'tab-2:3:doc-8'), batch);
    expect(budgets[0]).toBe(budgets[1]);
    expect(budgets[2]).not.toBe(budgets[0]);
    expect(notes).toEqual(['https://news.example/a']);
  });

  it('never looks up a name the reader asked not to be marked on this site', async () => {
    const asked: string[][] = [];
    const { findPageMentions } = createMentionService({
      // Answers only what it is asked, as the real look-up does.
      resolveNames: async (names) => {
        asked.push(names);
        const known: Record<string, ResolvedName> = {
          Karen: { key: 'en:Karen_people', title: 'Karen people' },
          ASEAN: { key: 'en:ASEAN', title: 'ASEAN' },
        };
        return {
          resolved: Object.fromEntries(
            names.filter((name) => known[name]).map((name) => [name, known[name]!]),
          ),
        };
      },
      noteReading: async () => {},
      unmarkedOn: async (site) => new Set(site === 'news.example' ? ['karen'] : []),
      now: Date.now,
    });
    const batch = {
      title: 'A',
      texts: [{ text: 'Karen leaders met ASEAN envoys.', heading: false }],
      acronyms: [],
    };
    const here = await findPageMentions(from('https://news.example/a'), batch);
    expect(here.entities.map((entity) => entity.key)).toEqual(['en:ASEAN']);
    expect(asked[0]).not.toContain('Karen');
    const elsewhere = await findPageMentions(from('https://other.example/a', 'tab-2:0:doc'), batch);
    expect(elsewhere.entities.map((entity) => entity.key)).toContain('en:Karen_people');
  });

  it("reads one document's batches no faster than its rate, and other documents meanwhile", async () => {
    const waits: number[] = [];
    const { findPageMentions } = createMentionService({
      resolveNames: knowing({}),
      noteReading: async () => {},
      now: () => 0,
      schedule: (run, ms) => {
        if (ms > 0) waits.push(ms);
        run();
      },
    });
    const batch = { title: 'A', texts: [{ text: 'Leaders met.', heading: false }], acronyms: [] };
    for (let sent = 0; sent < 22; sent += 1) await findPageMentions(from(), batch);
    // Twenty at once, then one every 100 ms.
    expect(waits).toEqual([100, 200]);
    await findPageMentions(from('https://other.example/', 'tab-2:0:doc'), batch);
    expect(waits).toEqual([100, 200]);
    // A page that keeps sending is told to come back later rather than queued for ever.
    let refused = false;
    for (let sent = 0; sent < 200 && !refused; sent += 1)
      await findPageMentions(from(), batch).catch(() => (refused = true));
    expect(refused).toBe(true);
  });
});
