// The spotter's speed beside a plain charCodeAt loop over the same strings, in one process.
import { spot } from '../../core/spotter';
import { median } from './stats';

/** Runs `work` over all strings repeatedly for about `ms`; returns MB/s (UTF-16 code units). */
function throughput(strings: readonly string[], work: (text: string) => number, ms = 400): number {
  const units = strings.reduce((sum, text) => sum + text.length, 0);
  let sink = 0;
  let rounds = 0;
  const start = performance.now();
  do {
    for (const text of strings) sink += work(text);
    rounds += 1;
  } while (performance.now() - start < ms);
  const seconds = (performance.now() - start) / 1000;
  if (sink === -1) console.log(sink); // keeps the work from being optimised away
  return (units * rounds) / seconds / 1e6;
}

/** The baseline: touch every code unit once, as any scanner must. */
function charLoop(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 32) count += 1;
  return count;
}

export interface SpotFigures {
  mbps: number;
  loopMbps: number;
  ratio: number;
}

/** Median of `runs` interleaved measurements of the spotter and the loop. */
export function measureSpot(strings: readonly string[], runs = 5): SpotFigures {
  // Warm both up so the JIT has compiled them before anything is timed.
  throughput(strings, (text) => spot(text).length, 200);
  throughput(strings, charLoop, 200);
  const spotRuns: number[] = [];
  const loopRuns: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    spotRuns.push(throughput(strings, (text) => spot(text).length));
    loopRuns.push(throughput(strings, charLoop));
  }
  const mbps = median(spotRuns);
  const loopMbps = median(loopRuns);
  return { mbps, loopMbps, ratio: mbps / loopMbps };
}
