/** How long to leave a source alone after a 429 that did not say (Wikimedia suggests backing off). */
export const DEFAULT_BACKOFF_SECONDS = 30;

/** The longest wait honoured, so a wrong header cannot switch a source off for a day. */
export const MAX_BACKOFF_SECONDS = 15 * 60;

/**
 * Retry-After as seconds from now: either a number of seconds or an HTTP date. Undefined when the
 * header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Each origin's wait, as the time (ms since the epoch) it ends. */
export type Waits = Record<string, number>;

/**
 * Which sources asked to be left alone, and until when: after a 429 every call to that origin
 * fails at once, without a request, until the wait is over (not only the call that got the 429).
 * `keep` hears of every new wait, so a background that the browser stops and starts again can
 * `restore` them: a wait is not forgotten with the worker.
 */
export class Backoff {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly keep: (waits: Waits) => void = () => {},
  ) {}

  /** Waits kept from before (a restarted worker); those already over are dropped. */
  restore(waits: unknown): void {
    if (typeof waits !== 'object' || waits === null) return;
    const latest = this.now() + MAX_BACKOFF_SECONDS * 1000;
    for (const [origin, until] of Object.entries(waits))
      if (typeof until === 'number' && until > this.now())
        this.until.set(origin, Math.max(this.until.get(origin) ?? 0, Math.min(until, latest)));
  }

  /** Milliseconds left before the origin may be asked again; 0 when it may be now. */
  remainingMs(origin: string): number {
    const until = this.until.get(origin);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) this.until.delete(origin);
    return Math.max(0, left);
  }

  /** A 429 from the origin, with the wait it asked for (seconds), if any. */
  record(origin: string, retryAfterSeconds: number | undefined): void {
    const seconds = Math.min(retryAfterSeconds ?? DEFAULT_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS);
    this.until.set(origin, this.now() + seconds * 1000);
    this.keep(Object.fromEntries(this.until));
  }
}
