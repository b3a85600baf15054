import { describe, expect, it } from 'vitest';
import { describeError } from '../../../core/errors';

describe('describeError', () => {
  it('tells the reader how long a busy source asked to wait', () => {
    expect(describeError({ kind: 'rate-limited', retryAfterSeconds: 40 })).toBe(
      'Wikipedia is busy right now. Try again in 40 seconds.',
    );
    expect(describeError({ kind: 'rate-limited', retryAfterSeconds: 300 })).toBe(
      'Wikipedia is busy right now. Try again in 5 minutes.',
    );
    expect(describeError({ kind: 'rate-limited' })).toBe(
      'Wikipedia is busy right now. Try again in a moment.',
    );
  });

  it('names the missing article and the offline case plainly', () => {
    expect(describeError({ kind: 'not-found' })).toBe('Wikipedia has no article by this name.');
    expect(describeError({ kind: 'offline' })).toMatch(/offline/);
  });
});
