import { describe, expect, it } from 'vitest';
import type { SourceError } from '../../../core/errors';
import { createPacedQueue, type PacedState, type QueueClock } from '../../../core/paced-queue';
import { err, ok, type Result } from '../../../core/result';

/** A clock whose time moves only when the test says, running timers as it passes them. */
function fakeClock(start = 1_000_000) {
  let time = start;
  let timers: Array<{ at: number; run: () => void }> = [];
  const clock: QueueClock = {
    now: () => time,
    after(ms, run) {
      const timer = { at: time + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((other) => other !== timer));
    },
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Moves time on by `ms`, running each timer due on the way, and lets promises settle. */
  async function advance(ms: number) {
    const end = time + ms;
    for (;;) {
      await settle();
      const next = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      timers = timers.filter((timer) => timer !== next);
      time = Math.max(time, next.at);
      next.run();
    }
    time = end;
    await settle();
  }
  return { clock, advance, now: () => time };
}

/** A source that records when each request started and answers as the test tells it. */
function source(clock: QueueClock) {
  const starts: Array<{ id: string; at: number }> = [];
  const pending = new Map<string, (answer: Result<string, SourceError>) => void>();
  const run = (id: string) => () => {
    starts.push({ id, at: clock.now() });
    return new Promise<Result<string, SourceError>>((resolve) => pending.set(id, resolve));
  };
  const answer = (id: string, value: Result<string, SourceError> = ok(id)) => {
    const resolve = pending.get(id);
    pending.delete(id);
    resolve?.(value);
  };
  return { starts, run, answer };
}

const INTERVAL = 5000;

function setup(options: { attempts?: number; mayStart?: (rank: number) => boolean } = {}) {
  const time = fakeClock();
  const kept: PacedState[] = [];
  const queue = createPacedQueue({
    intervalMs: INTERVAL,
    attempts: options.attempts ?? 2,
    clock: time.clock,
    ...(options.mayStart ? { mayStart: options.mayStart } : {}),
    keep: (state) => kept.push(state),
  });
  return { ...time, queue, kept, source: source(time.clock) };
}

describe('a paced queue', () => {
  it('starts nothing before it has been restored, then one request at once', async () => {
    const { queue, source, advance } = setup();
    void queue.ask('a', source.run('a'), () => 0);
    await advance(10_000);
    expect(source.starts).toEqual([]);
    queue.restore(undefined);
    await advance(0);
    expect(source.starts.map((start) => start.id)).toEqual(['a']);
  });

  it('keeps one request in flight and one start per interval, however fast it is asked', async () => {
    const { queue, source, advance, now } = setup();
    queue.restore(undefined);
    const t0 = now();
    const answers = ['a', 'b', 'c'].map((id) => queue.ask(id, source.run(id), () => 0));
    await advance(0);
    source.answer('a');
    await advance(1000);
    expect(source.starts.map((start) => start.id)).toEqual(['a']);
    await advance(4000);
    expect(source.starts.map((start) => start.id)).toEqual(['a', 'b']);
    // b is slow: c waits for it even once the interval is over.
    await advance(9000);
    expect(source.starts).toHaveLength(2);
    source.answer('b');
    await advance(0);
    source.answer('c');
    expect(source.starts.map((start) => start.at - t0)).toEqual([0, 5000, 14_000]);
    expect(await Promise.all(answers)).toEqual([ok('a'), ok('b'), ok('c')]);
  });

  it('starts the most urgent ask first, and an ask whose urgency changed by its new rank', async () => {
    const { queue, source, advance } = setup();
    queue.restore(undefined);
    void queue.ask('first', source.run('first'), () => 0);
    let closedCard = 1;
    void queue.ask('closed', source.run('closed'), () => closedCard);
    void queue.ask('topic', source.run('topic'), () => 4);
    void queue.ask('open', source.run('open'), () => 1);
    await advance(0);
    source.answer('first');
    closedCard = 5; // its card closed: it keeps its place in the queue, not its urgency
    for (const id of ['open', 'topic', 'closed']) {
      await advance(INTERVAL);
      source.answer(id);
    }
    expect(source.starts.map((start) => start.id)).toEqual(['first', 'open', 'topic', 'closed']);
  });

  it('makes one request of the same ask, answering every asker, at its most urgent rank', async () => {
    const { queue, source, advance } = setup();
    queue.restore(undefined);
    void queue.ask('busy', source.run('busy'), () => 0);
    const topic = queue.ask('q', source.run('q'), () => 4);
    void queue.ask('other', source.run('other'), () => 2);
    const card = queue.ask('q', source.run('q'), () => 1);
    await advance(0);
    source.answer('busy');
    await advance(INTERVAL);
    source.answer('q', ok('articles'));
    expect(await topic).toEqual(ok('articles'));
    expect(await card).toEqual(ok('articles'));
    expect(source.starts.map((start) => start.id)).toEqual(['busy', 'q']);
  });

  it('after a 429 waits the interval from the refusal and asks again, then goes on', async () => {
    const { queue, source, advance, now } = setup();
    queue.restore(undefined);
    const t0 = now();
    const refused = queue.ask('a', source.run('a'), () => 0);
    void queue.ask('b', source.run('b'), () => 1);
    await advance(13_000); // a load-shedding source refuses after 13 s
    source.answer('a', err({ kind: 'rate-limited' }));
    await advance(0);
    expect(queue.status('a')).toEqual({ state: 'refused', inMs: INTERVAL });
    await advance(INTERVAL);
    source.answer('a');
    expect(await refused).toEqual(ok('a'));
    await advance(INTERVAL);
    expect(source.starts.map((start) => [start.id, start.at - t0])).toEqual([
      ['a', 0],
      ['a', 18_000],
      ['b', 23_000],
    ]);
  });

  it('gives up on a request the source refused as many times as it is tried', async () => {
    const { queue, source, advance } = setup({ attempts: 2 });
    queue.restore(undefined);
    const answer = queue.ask('a', source.run('a'), () => 0);
    await advance(0);
    source.answer('a', err({ kind: 'rate-limited' }));
    await advance(INTERVAL);
    source.answer('a', err({ kind: 'rate-limited' }));
    expect(await answer).toEqual(err({ kind: 'rate-limited' }));
  });

  it("honours a source's Retry-After when it is longer than the interval", async () => {
    const { queue, source, advance, now } = setup();
    queue.restore(undefined);
    const t0 = now();
    void queue.ask('a', source.run('a'), () => 0);
    await advance(0);
    source.answer('a', err({ kind: 'rate-limited', retryAfterSeconds: 60 }));
    await advance(59_000);
    expect(source.starts).toHaveLength(1);
    await advance(1000);
    expect(source.starts.map((start) => start.at - t0)).toEqual([0, 60_000]);
  });

  it('holds the ranks `mayStart` refuses until it allows them', async () => {
    let readerHovering = true;
    const { queue, source, advance } = setup({ mayStart: (rank) => rank < 4 || !readerHovering });
    queue.restore(undefined);
    void queue.ask('topic', source.run('topic'), () => 4);
    await advance(20_000);
    expect(source.starts).toEqual([]);
    readerHovering = false;
    await advance(1000);
    expect(source.starts.map((start) => start.id)).toEqual(['topic']);
  });

  it('tells where an ask stands: queued behind others, then being asked', async () => {
    const { queue, source, advance } = setup();
    queue.restore(undefined);
    void queue.ask('a', source.run('a'), () => 0);
    void queue.ask('b', source.run('b'), () => 0);
    void queue.ask('c', source.run('c'), () => 0);
    await advance(1000);
    expect(queue.status('a')).toEqual({ state: 'asking', forMs: 1000 });
    // b starts when a's interval ends, in 4 s; c one interval after b.
    expect(queue.status('c')).toEqual({
      state: 'queued',
      inMs: 4000 + INTERVAL,
      aheadForMs: 1000,
    });
    expect(queue.status('nothing')).toBeUndefined();
  });

  it('tells a waiting ask that the source refused another lately', async () => {
    const { queue, source, advance } = setup({ attempts: 1 });
    queue.restore(undefined);
    void queue.ask('a', source.run('a'), () => 0);
    void queue.ask('b', source.run('b'), () => 1);
    await advance(0);
    source.answer('a', err({ kind: 'rate-limited' }));
    await advance(1000);
    expect(queue.status('b')).toEqual({ state: 'queued', inMs: 4000, refusedAgoMs: 1000 });
  });

  it('keeps its state, and a restarted queue waits out the interval of the last start', async () => {
    const first = setup();
    first.queue.restore(undefined);
    void first.queue.ask('a', first.source.run('a'), () => 0);
    await first.advance(0);
    const kept = first.kept.at(-1)!;
    expect(kept.lastStartAt).toBe(first.now());

    // The worker stops 2 s later; a new one starts with what was kept.
    const time = fakeClock(first.now() + 2000);
    const again = createPacedQueue({ intervalMs: INTERVAL, attempts: 2, clock: time.clock });
    const restarted = source(time.clock);
    void again.ask('b', restarted.run('b'), () => 0);
    again.restore(JSON.parse(JSON.stringify(kept)));
    await time.advance(2999);
    expect(restarted.starts).toEqual([]);
    await time.advance(1);
    expect(restarted.starts.map((start) => start.at - kept.lastStartAt)).toEqual([INTERVAL]);
  });

  it('cannot be held off for long by a kept state from the future or of the wrong shape', async () => {
    const { queue, source, advance, now } = setup();
    queue.restore({ lastStartAt: now() + 1e12, notBefore: 'soon' });
    void queue.ask('a', source.run('a'), () => 0);
    await advance(INTERVAL);
    expect(source.starts).toHaveLength(1);
  });

  it('answers a request that threw as a failure, and goes on', async () => {
    const { queue, advance } = setup();
    queue.restore(undefined);
    const broken = queue.ask(
      'x',
      () => Promise.reject(new Error('bug')),
      () => 0,
    );
    const next = queue.ask(
      'y',
      async () => ok('fine'),
      () => 0,
    );
    await advance(INTERVAL);
    expect(await broken).toEqual(err({ kind: 'offline' }));
    expect(await next).toEqual(ok('fine'));
  });
});
