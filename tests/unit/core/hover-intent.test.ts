import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ABANDON_DELAY_MS,
  FETCH_START_DELAY_MS,
  HoverIntent,
  SHOW_DELAY_MS,
} from '../../../core/hover-intent';

let log: string[];
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  log = [];
  intent = new HoverIntent<string>(
    {
      prefetch: (target) => log.push(`prefetch ${target}`),
      show: (target, token) => log.push(`show ${target} #${token}`),
      hide: () => log.push('hide'),
    },
    {
      set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clear: (id) => clearTimeout(id),
    },
  );
});
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('prefetches after a short rest and shows after the intent delay', () => {
    intent.enter('ASEAN');
    vi.advanceTimersByTime(FETCH_START_DELAY_MS - 1);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['prefetch ASEAN']);
    vi.advanceTimersByTime(SHOW_DELAY_MS - FETCH_START_DELAY_MS);
    expect(log).toEqual(['prefetch ASEAN', 'show ASEAN #1']);
    expect(intent.isOpen).toBe(true);
  });

  it('does nothing when the pointer only passes over a name', () => {
    intent.enter('ASEAN');
    vi.advanceTimersByTime(100);
    intent.leave();
    vi.advanceTimersByTime(2000);
    expect(log).toEqual([]);
  });

  it('keeps the card while the pointer travels into it', () => {
    intent.enter('ASEAN');
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.leave();
    vi.advanceTimersByTime(ABANDON_DELAY_MS - 1);
    intent.enterCard();
    vi.advanceTimersByTime(2000);
    expect(log).not.toContain('hide');
    intent.leave();
    vi.advanceTimersByTime(ABANDON_DELAY_MS);
    expect(log.at(-1)).toBe('hide');
    expect(intent.isOpen).toBe(false);
  });

  it('keeps the card when the pointer comes back to the same name', () => {
    intent.enter('ASEAN');
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.leave();
    intent.enter('ASEAN');
    vi.advanceTimersByTime(2000);
    expect(log).toEqual(['prefetch ASEAN', 'show ASEAN #1']);
  });

  it('moves to another name with a new token, closing the first card', () => {
    intent.enter('ASEAN');
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.enter('NLD');
    expect(log.at(-1)).toBe('hide');
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(log.at(-1)).toBe('show NLD #2');
    expect(intent.token).toBe(2);
  });

  it('closes at once on request', () => {
    intent.enter('ASEAN');
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    intent.close();
    expect(log.at(-1)).toBe('hide');
    vi.advanceTimersByTime(2000);
    expect(log.filter((entry) => entry === 'hide')).toHaveLength(1);
  });

  it('opens at once for the keyboard', () => {
    intent.open('ASEAN');
    expect(log).toEqual(['prefetch ASEAN', 'show ASEAN #1']);
  });

  it('shows after the reader’s own delay when one is set', () => {
    const shown: string[] = [];
    const calm = new HoverIntent<string>(
      { prefetch: () => {}, show: (target) => shown.push(target), hide: () => {} },
      {
        set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
        clear: (id) => clearTimeout(id),
      },
      Object.is,
      800,
    );
    calm.enter('ASEAN');
    vi.advanceTimersByTime(799);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['ASEAN']);
  });

  it('holds a card the reader works in, whatever the pointer does, until released or closed', () => {
    intent.open('ASEAN');
    intent.hold();
    intent.leave();
    intent.enter('Myanmar');
    vi.advanceTimersByTime(SHOW_DELAY_MS + ABANDON_DELAY_MS);
    expect(log).toEqual(['prefetch ASEAN', 'show ASEAN #1']);
    expect(intent.isOpen).toBe(true);
    // Released, the pointer governs it again.
    intent.release();
    intent.leave();
    vi.advanceTimersByTime(ABANDON_DELAY_MS);
    expect(intent.isOpen).toBe(false);
    expect(log.at(-1)).toBe('hide');
  });
});
