import { describe, expect, it } from 'vitest';
import { Rate } from '../../../core/rate';

describe('Rate', () => {
  it('lets a burst through at once, then spaces the rest at the rate', () => {
    const rate = new Rate(3, 10);
    const waits = Array.from({ length: 6 }, () => rate.take(0));
    expect(waits).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('gives the slack back after a quiet while, never more than the burst', () => {
    const rate = new Rate(2, 10);
    expect([rate.take(0), rate.take(0), rate.take(0)]).toEqual([0, 0, 100]);
    // A minute later: two at once again, not six hundred.
    expect([rate.take(60_000), rate.take(60_000), rate.take(60_000)]).toEqual([0, 0, 100]);
  });
});
