import type { SourceError } from './errors';
import type { Result } from './result';

/**
 * One queue for a source that limits how often it may be asked (GDELT: one request per 5 s per
 * client). Everything that asks the source asks through it: at most one request in flight, one
 * start per interval, the most urgent ask first, and asks for the same request made once. A 429
 * means "wait the interval (or the Retry-After) and go on": the refused request goes back in the
 * queue, and nothing else is held back longer than the source asked.
 */

/** What the queue needs of time; tests pass a fake one. */
export interface QueueClock {
  now(): number;
  /** Calls `run` after `ms`; answers how to cancel it. */
  after(ms: number, run: () => void): () => void;
}

/** When the source may next be asked: kept across worker restarts, so a restart is no burst. */
export interface PacedState {
  /** When the last request started (ms since the epoch). */
  lastStartAt: number;
  /** No start before this (a 429's wait). */
  notBefore: number;
}

export interface PacedQueueOptions {
  /** The least time between two starts. */
  intervalMs: number;
  /** How many times a request is tried when the source refuses it (429). */
  attempts: number;
  clock: QueueClock;
  /** Whether a request of this rank may start now (later ranks can be held while the reader hovers). */
  mayStart?: (rank: number) => boolean;
  /** How soon to look again when every waiting request was held by `mayStart`. */
  recheckMs?: number;
  /** Hears of every change to the state to keep. */
  keep?: (state: PacedState) => void;
}

/** Where an ask stands, for a card that tells the reader. */
export type QueueStatus =
  | {
      state: 'queued';
      inMs: number;
      /** How long the request in flight ahead of it has taken so far. */
      aheadForMs?: number;
      /** How long ago the source last refused a request (within the last minute). */
      refusedAgoMs?: number;
    }
  | { state: 'asking'; forMs: number; refusedAgoMs?: number }
  /** The source refused it; it is asked again in `inMs`. */
  | { state: 'refused'; inMs: number };

interface Job<T> {
  id: string;
  run: () => Promise<Result<T, SourceError>>;
  /** Each asker's rank, read when the queue chooses (urgency can change while it waits). */
  ranks: Array<() => number>;
  /** Order of arrival, to keep the queue fair within a rank. */
  order: number;
  tries: number;
  refusedAt?: number;
  startedAt?: number;
  settle: (answer: Result<T, SourceError>) => void;
  answer: Promise<Result<T, SourceError>>;
}

/** Longest a source's Retry-After holds its queue: past it, the source is asked anyway. */
const MAX_HOLD_MS = 10 * 60_000;

/** A refusal this recent says the source is busy now. */
const RECENT_REFUSAL_MS = 60_000;

const rankOf = (job: Job<unknown>) => Math.min(...job.ranks.map((rank) => rank()));

/**
 * Long as a whole because it is a factory: its functions share the waiting jobs, the one in
 * flight and the pacing state, and each of them is short.
 */
export function createPacedQueue({
  intervalMs,
  attempts,
  clock,
  mayStart = () => true,
  recheckMs = 1000,
  keep = () => {},
}: PacedQueueOptions) {
  // Each request's answer type is its asker's; inside, they are all one kind of job.
  const waiting = new Map<string, Job<unknown>>();
  let flying: Job<unknown> | undefined;
  let state: PacedState = { lastStartAt: -Infinity, notBefore: -Infinity };
  let arrivals = 0;
  let lastRefusedAt = -Infinity;
  let cancelTimer: (() => void) | undefined;
  let held = true;
  let restored = false;

  const nextSlot = () => Math.max(state.lastStartAt + intervalMs, state.notBefore);

  /** The waiting jobs, most urgent first. */
  function inOrder(): Array<Job<unknown>> {
    return [...waiting.values()]
      .map((job) => ({ job, rank: rankOf(job) }))
      .sort((a, b) => a.rank - b.rank || a.job.order - b.job.order)
      .map(({ job }) => job);
  }

  function schedule(ms: number): void {
    cancelTimer?.();
    cancelTimer = clock.after(Math.max(0, ms), () => {
      cancelTimer = undefined;
      pump();
    });
  }

  function pump(): void {
    if (held || flying || waiting.size === 0) return;
    const wait = nextSlot() - clock.now();
    if (wait > 0) return schedule(wait);
    const job = inOrder().find((candidate) => mayStart(rankOf(candidate)));
    if (!job) return schedule(recheckMs);
    start(job);
  }

  function start(job: Job<unknown>): void {
    waiting.delete(job.id);
    flying = job;
    job.tries += 1;
    job.startedAt = clock.now();
    state = { ...state, lastStartAt: job.startedAt };
    keep(state);
    // Begun on the next turn, so a `run` that throws at once fails its job, not the queue.
    void Promise.resolve()
      .then(() => job.run())
      .catch((): Result<unknown, SourceError> => ({ ok: false, error: { kind: 'offline' } }))
      .then((answer) => finish(job, answer));
  }

  function finish(job: Job<unknown>, answer: Result<unknown, SourceError>): void {
    flying = undefined;
    job.startedAt = undefined;
    if (!answer.ok && answer.error.kind === 'rate-limited') {
      // Wait the interval from the refusal (the source was still counting), or what it asked.
      const asked = Math.min((answer.error.retryAfterSeconds ?? 0) * 1000, MAX_HOLD_MS);
      lastRefusedAt = clock.now();
      state = { ...state, notBefore: clock.now() + Math.max(intervalMs, asked) };
      keep(state);
      if (job.tries < attempts) {
        job.refusedAt = clock.now();
        waiting.set(job.id, job);
        return pump();
      }
    }
    job.settle(answer);
    pump();
  }

  /**
   * Asks for the request `id` (made by `run`) with the asker's `rank` (lower goes first, read each
   * time the queue chooses). The same id asked again while waiting or in flight is one request:
   * its answer goes to every asker, and it goes as early as its most urgent asker wants.
   */
  function ask<T>(
    id: string,
    run: () => Promise<Result<T, SourceError>>,
    rank: () => number,
  ): Promise<Result<T, SourceError>> {
    const existing = flying?.id === id ? flying : waiting.get(id);
    if (existing) {
      existing.ranks.push(rank);
      pump();
      // One id is one request, so its answer is of the type every asker of it expects.
      return existing.answer as Promise<Result<T, SourceError>>;
    }
    let settle!: (answer: Result<unknown, SourceError>) => void;
    const answer = new Promise<Result<unknown, SourceError>>((resolve) => (settle = resolve));
    waiting.set(id, { id, run, ranks: [rank], order: arrivals++, tries: 0, settle, answer });
    pump();
    return answer as Promise<Result<T, SourceError>>;
  }

  /** Where the request `id` stands; undefined when it is neither waiting nor in flight. */
  function status(id: string): QueueStatus | undefined {
    const now = clock.now();
    const refused =
      now - lastRefusedAt < RECENT_REFUSAL_MS ? { refusedAgoMs: now - lastRefusedAt } : {};
    if (flying?.id === id)
      return { state: 'asking', forMs: now - (flying.startedAt ?? now), ...refused };
    const job = waiting.get(id);
    if (!job) return undefined;
    // The next slot already counts the request in flight; each job ahead takes one interval more.
    const ahead = inOrder().indexOf(job);
    const inMs = Math.max(0, nextSlot() - now) + ahead * intervalMs;
    if (job.refusedAt !== undefined) return { state: 'refused', inMs };
    return {
      state: 'queued',
      inMs,
      ...(flying?.startedAt !== undefined ? { aheadForMs: now - flying.startedAt } : {}),
      ...refused,
    };
  }

  /**
   * Takes the state kept by a worker that stopped (nothing starts before this is called once):
   * its last start still counts, so a restarted background keeps to the interval.
   */
  function restore(kept: unknown): void {
    if (!restored) {
      restored = true;
      const { lastStartAt, notBefore } = (kept ?? {}) as Partial<PacedState>;
      const now = clock.now();
      // A clock that went back, or a state from the future, holds the source off no longer than a
      // Retry-After could.
      const sane = (at: unknown) =>
        typeof at === 'number' && Number.isFinite(at)
          ? Math.min(at, now + Math.max(intervalMs, MAX_HOLD_MS))
          : -Infinity;
      state = {
        lastStartAt: Math.max(state.lastStartAt, Math.min(sane(lastStartAt), now)),
        notBefore: Math.max(state.notBefore, sane(notBefore)),
      };
    }
    held = false;
    pump();
  }

  /** Looks again at what may start (an asker's rank or `mayStart` changed). */
  const wake = () => pump();

  return { ask, status, restore, wake };
}

export type PacedQueue = ReturnType<typeof createPacedQueue>;
