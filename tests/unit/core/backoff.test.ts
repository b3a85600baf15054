import { describe, expect, it } from 'vitest';
import { Backoff, MAX_BACKOFF_SECONDS, type Waits } from '../../../core/backoff';

describe('Backoff across worker restarts', () => {
  it('hands each new wait to be kept, and a new worker restores it', () => {
    let clock = 1_000;
    const kept: Waits[] = [];
    const before = new Backoff(
      () => clock,
      (waits) => kept.push(waits),
    );
    before.record('https://en.wikipedia.org', 60);
    expect(kept.at(-1)).toEqual({ 'https://en.wikipedia.org': 61_000 });

    // The browser stopped the worker; ten seconds later a new one starts.
    clock += 10_000;
    const after = new Backoff(() => clock);
    after.restore(kept.at(-1));
    expect(after.remainingMs('https://en.wikipedia.org')).toBe(50_000);
    expect(after.remainingMs('https://api.gdeltproject.org')).toBe(0);
  });

  it('drops waits already over, caps absurd ones, and ignores what is not a wait', () => {
    const clock = 5_000;
    const backoff = new Backoff(() => clock);
    backoff.restore({
      'https://over.example': 4_000,
      'https://forever.example': Number.MAX_SAFE_INTEGER,
      'https://odd.example': 'soon',
    });
    expect(backoff.remainingMs('https://over.example')).toBe(0);
    expect(backoff.remainingMs('https://forever.example')).toBe(MAX_BACKOFF_SECONDS * 1000);
    expect(backoff.remainingMs('https://odd.example')).toBe(0);
    backoff.restore(null);
    backoff.restore('nonsense');
  });
});
