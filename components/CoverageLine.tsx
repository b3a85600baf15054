import type { Coverage } from '../core/coverage';
import { shortDate } from './dates';

/** The line's size in the card, in CSS pixels. */
const WIDTH = 280;
const HEIGHT = 36;
/** Room above and below the line for the spike marks. */
const PAD = 4;

/**
 * "Why now?": the entity's coverage over the last month as a small line, its spike days marked,
 * and the highest spike's headlines with the names they mention beside it.
 */
export function CoverageLine({ coverage }: { coverage: Coverage }) {
  const { points, spikes, peak } = coverage;
  if (points.length < 2) return null;
  const top = Math.max(...points.map((point) => point.value)) || 1;
  const x = (index: number) => (index / (points.length - 1)) * WIDTH;
  const y = (value: number) => HEIGHT - PAD - (value / top) * (HEIGHT - 2 * PAD);
  const line = points.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`);
  const marked = new Set(spikes);
  const summary = spikes.length
    ? `Coverage over the last month, highest on ${shortDate(`${spikes[0]}T12:00:00Z`)}`
    : 'Coverage over the last month, with no spike';
  return (
    <section class="coverage" aria-label="In the news">
      <h3 class="related-title">In the news</h3>
      <svg
        class="coverage-line"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={summary}
      >
        <polyline points={line.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
        {points.map((point, index) =>
          marked.has(point.day) ? (
            <circle key={point.day} cx={x(index)} cy={y(point.value)} r="3" class="spike" />
          ) : null,
        )}
      </svg>
      {peak && (
        <div class="peak">
          <p class="related-note">
            Most on {shortDate(`${peak.day}T12:00:00Z`)}
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
