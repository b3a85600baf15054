/**
 * An entity's attention over time ("are readers looking it up now?"): its article's daily views on
 * Wikipedia, the days they spiked, and how many there were in all. Drawn like its coverage, so
 * the reader can set what the news wrote beside what people read.
 */
import { COVERAGE_DAYS, spikeDays, type CoveragePoint } from './coverage';

/** What the card draws: the line of daily views, its spike days, and the month's views in all. */
export interface Attention {
  points: CoveragePoint[];
  /** Days far above the article's usual views, highest first. */
  spikes: string[];
  /** The views of the days in `points`. */
  total: number;
}

/** A day as the points write it: "2026-11-27". */
const DAY = /^\d{4}-\d\d-\d\d$/;

const DAY_MS = 86_400_000;

/**
 * Each day once (its first count), in order, the last `COVERAGE_DAYS`; days that are not dates and
 * counts that are not counts are left out rather than bending the line. Wikimedia leaves out the
 * days an article had no views: between the first day and the last they count as 0, so the line
 * and its spikes keep to the calendar.
 */
function viewPoints(daily: ReadonlyArray<{ day: string; views: number }>): CoveragePoint[] {
  const byDay = new Map<string, number>();
  for (const { day, views } of daily) {
    if (!DAY.test(day) || !Number.isFinite(views) || views < 0 || byDay.has(day)) continue;
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) continue;
    byDay.set(day, views);
  }
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return [];
  const first = Date.parse(`${days[0]}T00:00:00Z`);
  const last = Date.parse(`${days.at(-1)}T00:00:00Z`);
  const points: CoveragePoint[] = [];
  for (let at = Math.max(first, last - (COVERAGE_DAYS - 1) * DAY_MS); at <= last; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    points.push({ day, value: byDay.get(day) ?? 0 });
  }
  return points;
}

/** An article's month of daily views as the card shows it; no views is an empty line. */
export function attentionOf(daily: ReadonlyArray<{ day: string; views: number }>): Attention {
  const points = viewPoints(daily);
  return {
    points,
    spikes: spikeDays(points),
    total: points.reduce((sum, point) => sum + point.value, 0),
  };
}
