// First: it installs the in-memory IndexedDB before Dexie loads.
import { http, realPacing, useServices } from './setup';
import { beforeEach, describe, expect, it } from 'vitest';
import { POLL_INTERVAL_MINUTES } from '../../../core/topic-schedule';
import type { NewsPacing } from '../../../services/news-pacing';
import { createRelatedService } from '../../../services/related';
import { createTopicService } from '../../../services/topics';
import { GDELT_LIMIT_MS } from '../../fixtures/server';

// The stand-in keeps GDELT's published limit: one request per 5 s, else 429 and a plea. These tests
// run in real time, as a reader's would.
const test = useServices(Date.now());

// Each test is a new reader's browser: it starts once GDELT would take a request from it.
beforeEach(async () => {
  const last = test.server.gdeltLog.at(-1)?.at ?? 0;
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, last + GDELT_LIMIT_MS - Date.now())),
  );
});

const related = (pacing: NewsPacing) =>
  createRelatedService({
    db: test.db,
    cache: test.cache,
    http: http(30_000),
    pacing,
    gdelt: async () => ({ origin: test.server.origin }),
    googleNews: async () => undefined,
    cardLanguage: async () => 'en',
    feeds: async () => [],
    now: Date.now,
  });

/** Asks until the answer is final, as an open card does; answers the waits it was told of. */
async function untilDone(ask: () => ReturnType<ReturnType<typeof related>['getRelated']>) {
  const waits: string[] = [];
  for (;;) {
    const answer = await ask();
    if (!answer.ok || answer.value.status !== 'waiting') return { answer, waits };
    waits.push(answer.value.wait.state);
  }
}

/** The stand-in's GDELT requests since `from`, as [ms after the first, outcome]. */
const log = (from: number) => {
  const entries = test.server.gdeltLog.slice(from);
  return entries.map((entry) => [entry.at - entries[0]!.at, entry.outcome] as const);
};

describe('GDELT at its published limit', () => {
  it('answers three cards asked at once, one request per 5 s, none refused', async () => {
    const from = test.server.gdeltLog.length;
    const pacing = realPacing();
    const news = related(pacing);
    const cards = ['ASEAN', 'Aung San Suu Kyi', 'Myanmar'].map((title) => {
      pacing.setInterest(`en:${title}`, 'open');
      return untilDone(() => news.getRelated(`en:${title}`, title, 'gdelt'));
    });
    const answers = await Promise.all(cards);
    expect(answers.map(({ answer }) => answer.ok && answer.value.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
    // The last card was told where it stood while it waited its turn.
    expect(answers[2]!.waits).toContain('queued');
    const seen = log(from);
    expect(seen.map(([, outcome]) => outcome)).toEqual(['answered', 'answered', 'answered']);
    for (let index = 1; index < seen.length; index += 1)
      expect(seen[index]![0] - seen[index - 1]![0]).toBeGreaterThanOrEqual(GDELT_LIMIT_MS - 50);
  }, 20_000);

  it("puts a card's articles ahead of a topic check asked before it, and holds the check while the reader hovers", async () => {
    const pacing = realPacing();
    const news = related(pacing);
    const topics = createTopicService({
      db: test.db,
      http: http(30_000),
      pacing,
      gdelt: async () => ({ origin: test.server.origin }),
      feeds: async () => [],
      intervalMinutes: async () => POLL_INTERVAL_MINUTES,
      now: Date.now,
    });
    await topics.subscribeQuery('Myanmar junta');
    // A request is under way (another card's), so what comes next waits in the queue.
    pacing.setInterest('en:Myanmar', 'open');
    const busy = untilDone(() => news.getRelated('en:Myanmar', 'Myanmar', 'gdelt'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const from = test.server.gdeltLog.length;
    const poll = topics.poll(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    pacing.setInterest('en:ASEAN', 'open');
    const card = untilDone(() => news.getRelated('en:ASEAN', 'ASEAN', 'gdelt'));
    await Promise.all([busy, card]);
    const asked = test.server.gdeltLog.slice(from).map((entry) => entry.query);
    expect(asked).toEqual(['"ASEAN"']);
    // The check goes once the reader has left the cards and a quiet moment has passed.
    pacing.setInterest('en:ASEAN', 'none');
    pacing.setInterest('en:Myanmar', 'none');
    await poll;
    expect(test.server.gdeltLog.slice(from).map((entry) => entry.query)).toEqual([
      '"ASEAN"',
      '"Myanmar junta"',
    ]);
    expect(test.server.gdeltLog.slice(from).every((entry) => entry.outcome === 'answered')).toBe(
      true,
    );
  }, 30_000);

  it('keeps to the interval across a restarted background: no burst', async () => {
    const kept: Record<string, unknown> = {};
    const first = realPacing(undefined, (source, state) => (kept[source] = state));
    const from = test.server.gdeltLog.length;
    await untilDone(() => related(first).getRelated('en:ASEAN', 'ASEAN', 'gdelt'));
    // The worker stops; a new one starts from what was kept, and a card asks at once.
    const restarted = realPacing(JSON.parse(JSON.stringify(kept)));
    const { answer } = await untilDone(() =>
      related(restarted).getRelated('en:Aung_San_Suu_Kyi', 'Aung San Suu Kyi', 'gdelt'),
    );
    expect(answer.ok && answer.value.status).toBe('done');
    const seen = log(from);
    expect(seen.map(([, outcome]) => outcome)).toEqual(['answered', 'answered']);
    expect(seen[1]![0]).toBeGreaterThanOrEqual(GDELT_LIMIT_MS - 50);
  }, 20_000);
});

describe('GDELT shedding load', () => {
  const shedding = useServices(Date.now(), {
    gdeltShed: (n) => n === 0,
    gdeltShedAfterMs: 1500,
  });

  it('asks again after the interval when refused, and the card hears it was refused meanwhile', async () => {
    const news = createRelatedService({
      db: shedding.db,
      cache: shedding.cache,
      http: http(30_000),
      pacing: realPacing(),
      gdelt: async () => ({ origin: shedding.server.origin }),
      googleNews: async () => undefined,
      cardLanguage: async () => 'en',
      feeds: async () => [],
      now: Date.now,
    });
    const { answer, waits } = await untilDone(() => news.getRelated('en:ASEAN', 'ASEAN', 'gdelt'));
    expect(answer.ok && answer.value.status).toBe('done');
    expect(waits).toContain('refused');
    expect(shedding.server.gdeltLog.map((entry) => entry.outcome)).toEqual(['shed', 'answered']);
  }, 20_000);
});
