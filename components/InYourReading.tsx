import type { ReadingEntry } from '../core/entity';
import { shortDate } from './dates';

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/** Earlier pages where the reader met this entity: kept on their device, shown only to them. */
export function InYourReading({ reading }: { reading: ReadingEntry[] }) {
  if (reading.length === 0) return null;
  return (
    <section class="related reading" aria-label="In your reading">
      <h3 class="related-title">In your reading</h3>
      <ul>
        {reading.map((entry) => (
          <li key={entry.url}>
            <a href={entry.url} target="_blank" rel="noopener noreferrer">
              {entry.title}
            </a>
            <span class="related-source">
              {hostOf(entry.url)} · {shortDate(entry.seenAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
