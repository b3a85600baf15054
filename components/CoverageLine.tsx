import type { Attention } from '../core/attention';
import type { Coverage, CoveragePoint } from '../core/coverage';
import { shortDate } from './dates';

/** The line's size in the card, in CSS pixels. */
const WIDTH = 280;
const HEIGHT = 36;
/** Room above and below the line for the spike marks. */
const PAD = 4;

/** "27 Nov", for a day ("2026-11-27"). */
const dayName = (day: string) => shortDate(`${day}T12:00:00Z`);

/**
 * "Why now?": how much the entity drew attention over the last month, as small lines with their
 * spike days marked. The readers of its Wikipedia article come first, as soon as Wikimedia
 * answers; the news line and the highest spike's headlines follow when GDELT does.
 */
export function CoverageLine({
  attention,
  coverage,
}: {
  attention?: Attention | undefined;
  coverage?: Coverage | undefined;
}) {
  // A line is worth drawing from two days on.
  const drawn = <T extends { points: readonly unknown[] }>(line: T | undefined) =>
    line && line.points.length > 1 ? line : undefined;
  attention = drawn(attention);
  coverage = drawn(coverage);
  if (!attention && !coverage) return null;
  const { peak } = coverage ?? {};
  return (
    <section class="coverage" aria-label="In the news">
      <h3 class="related-title">In the news</h3>
      {attention && (
        <TrendLine
          points={attention.points}
          spikes={attention.spikes}
          label="Wikipedia readers"
          describe={(highest) =>
            highest
              ? `Readers of its Wikipedia article over the last month, most on ${dayName(highest)}`
              : 'Readers of its Wikipedia article over the last month, with no spike'
          }
        />
      )}
      {coverage && (
        <TrendLine
          points={coverage.points}
          spikes={coverage.spikes}
          label="News coverage"
          describe={(highest) =>
            highest
              ? `Coverage over the last month, highest on ${dayName(highest)}`
              : 'Coverage over the last month, with no spike'
          }
        />
      )}
      {peak && (
        <div class="peak">
          <p class="related-note">
            Most on {dayName(peak.day)}
            {peak.withNames.length > 0 && <>, with {peak.withNames.join(', ')}</>}:
          </p>
          <ul>
            {peak.headlines.map((article) => (
              <li key={article.url}>
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {article.title}
                </a>{' '}
                <span class="related-source">{article.domain}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/** One month's line, named, its spike days marked, described for a screen reader. */
function TrendLine(props: {
  points: readonly CoveragePoint[];
  spikes: readonly string[];
  label: string;
  describe: (highest: string | undefined) => string;
}) {
  const { points, spikes } = props;
  const top = Math.max(...points.map((point) => point.value)) || 1;
  const x = (index: number) => (index / (points.length - 1)) * WIDTH;
  const y = (value: number) => HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD);
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`);
  const marked = new Set(spikes);
  return (
    <figure class="trend">
      <figcaption class="related-source">{props.label}</figcaption>
      <svg
        class="coverage-line"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={props.describe(spikes[0])}
      >
        <polyline points={line.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
        {points.map((point, index) =>
          marked.has(point.day) ? (
            <circle key={point.day} cx={x(index)} cy={y(point.value)} r="3" class="spike" />
          ) : null,
        )}
      </svg>
    </figure>
  );
}
