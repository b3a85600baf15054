/**
 * An entity's coverage over time ("why is this name in the news now?"): GDELT's daily volume of
 * articles naming it, the days it spiked, and for the highest spike that day's headlines and the
 * names they mention most beside it (found by Gloss's own spotter, on the device).
 */
import type { RelatedArticle } from './articles';
import { spot } from './spotter';

/** One day's share of all coverage that names the entity (GDELT's "volume intensity"). */
export interface CoveragePoint {
  /** "2026-11-27". */
  day: string;
  value: number;
}

/** What the card draws: the line, its spike days, and the highest spike's story. */
export interface Coverage {
  points: CoveragePoint[];
  /** Days far above the entity's usual coverage, highest first. */
  spikes: string[];
  peak?: { day: string; headlines: RelatedArticle[]; withNames: string[] };
}

/** Days shown: a month, enough to see a spike against the usual. */
export const COVERAGE_DAYS = 30;
/** A spike stands this many standard deviations above the month's mean. */
const SPIKE_DEVIATIONS = 2;
/** At most this many spikes are marked, the highest. */
const MAX_SPIKES = 3;
/** Names shown beside the peak's headlines. */
const MAX_WITH_NAMES = 3;

/** GDELT's points ("20261127T000000Z" and a value), summed per day, the last `COVERAGE_DAYS`. */
export function dailyPoints(raw: ReadonlyArray<{ date: string; value: number }>): CoveragePoint[] {
  const byDay = new Map<string, number>();
  for (const { date, value } of raw) {
    const match = /^(\d{4})(\d\d)(\d\d)T/.exec(date);
    if (!match || !Number.isFinite(value) || value < 0) continue;
    const day = `${match[1]}-${match[2]}-${match[3]}`;
    byDay.set(day, (byDay.get(day) ?? 0) + value);
  }
  return [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(-COVERAGE_DAYS)
    .map(([day, value]) => ({ day, value }));
}

/** The days far above the usual (mean + 2 standard deviations), highest first. */
export function spikeDays(points: readonly CoveragePoint[]): string[] {
  if (points.length < 3) return [];
  const mean = points.reduce((sum, point) => sum + point.value, 0) / points.length;
  const deviation = Math.sqrt(
    points.reduce((sum, point) => sum + (point.value - mean) ** 2, 0) / points.length,
  );
  if (deviation === 0) return [];
  return points
    .filter((point) => point.value > mean + SPIKE_DEVIATIONS * deviation)
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_SPIKES)
    .map((point) => point.day);
}

/**
 * The names the headlines mention most, other than the entity itself (no word of its title): "in
 * the news with …". A name counts once per headline.
 */
export function namesBeside(headlines: readonly string[], ownTitle: string): string[] {
  const own = new Set(
    ownTitle
      .toLowerCase()
      .split(/[\s,()]+/)
      .filter(Boolean),
  );
  const counts = new Map<string, number>();
  for (const headline of headlines) {
    const names = new Set(spot(headline).map((span) => span.surface));
    for (const name of names) {
      if (
        name
          .toLowerCase()
          .split(/\s+/)
          .some((word) => own.has(word))
      )
        continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_WITH_NAMES)
    .map(([name]) => name);
}
