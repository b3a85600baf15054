import { describe, expect, it } from 'vitest';
import { attentionOf } from '../../../core/attention';

/** "2026-11-05" for day 5 of November 2026; days past 30 run into December. */
const dayOf = (n: number) => new Date(Date.UTC(2026, 10, n)).toISOString().slice(0, 10);

describe('attention over time', () => {
  it('draws the daily views in order, with the month’s total', () => {
    const attention = attentionOf([
      { day: '2026-11-02', views: 300 },
      { day: '2026-11-01', views: 100 },
      { day: '2026-11-03', views: 200 },
    ]);
    expect(attention.points).toEqual([
      { day: '2026-11-01', value: 100 },
      { day: '2026-11-02', value: 300 },
      { day: '2026-11-03', value: 200 },
    ]);
    expect(attention.total).toBe(600);
  });

  it('marks the days far above the usual views, highest first', () => {
    const month = Array.from({ length: 30 }, (_, index) => ({
      day: dayOf(index + 1),
      views: index === 26 ? 9000 : index === 20 ? 6000 : 500 + (index % 3) * 10,
    }));
    const attention = attentionOf(month);
    expect(attention.spikes).toEqual(['2026-11-27', '2026-11-21']);
    expect(attention.total).toBe(month.reduce((sum, day) => sum + day.views, 0));
  });

  it('marks no spike on an even line', () => {
    const month = Array.from({ length: 30 }, (_, index) => ({ day: dayOf(index + 1), views: 700 }));
    expect(attentionOf(month).spikes).toEqual([]);
  });

  it('keeps the last 30 days, and totals only those', () => {
    const days = Array.from({ length: 45 }, (_, index) => ({ day: dayOf(index + 1), views: 10 }));
    const attention = attentionOf(days);
    expect(attention.points).toHaveLength(30);
    expect(attention.points[0]!.day).toBe(dayOf(16));
    expect(attention.points.at(-1)!.day).toBe(dayOf(45));
    expect(attention.total).toBe(300);
  });

  it('counts the days Wikimedia leaves out (no views) as 0, so the line keeps to the calendar', () => {
    const attention = attentionOf([
      { day: '2026-11-01', views: 100 },
      { day: '2026-11-04', views: 40 },
    ]);
    expect(attention.points.map((point) => point.value)).toEqual([100, 0, 0, 40]);
    expect(attention.points[1]!.day).toBe('2026-11-02');
  });

  it('reads days that are no dates, counts that are no counts and doubled days as no count', () => {
    const attention = attentionOf([
      { day: '2026-11-01', views: 100 },
      { day: '2026-11-01', views: 999 },
      { day: 'yesterday', views: 50 },
      { day: '2026-11-02', views: Number.NaN },
      { day: '2026-11-03', views: -5 },
      { day: '2026-11-04', views: Number.POSITIVE_INFINITY },
      { day: '2026-11-05', views: 0 },
    ]);
    expect(attention.points).toEqual([
      { day: '2026-11-01', value: 100 },
      { day: '2026-11-02', value: 0 },
      { day: '2026-11-03', value: 0 },
      { day: '2026-11-04', value: 0 },
      { day: '2026-11-05', value: 0 },
    ]);
    expect(attention.total).toBe(100);
  });

  it('reads no views as an empty line', () => {
    expect(attentionOf([])).toEqual({ points: [], spikes: [], total: 0 });
  });
});
