/**
 * A rate with some slack: `burst` at once, then `perSecond`. Each `take` answers how long to wait
 * (ms) before the thing it stands for may go ahead, and books its turn, so callers that wait as
 * told keep to the rate however fast they ask.
 */
export class Rate {
  /** When the next turn is free, had no turn been taken in the slack. */
  private next = -Infinity;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(now: number): number {
    const interval = 1000 / this.perSecond;
    // Unused turns pile up as slack, up to `burst` of them.
    this.next = Math.max(this.next, now - (this.burst - 1) * interval);
    const wait = Math.max(0, this.next - now);
    this.next += interval;
    return wait;
  }
}
