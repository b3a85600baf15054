import { useState } from 'preact/hooks';
import type { ReadingEntry } from '../core/entity';
import { shortDate } from './dates';

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/**
 * Earlier pages where the reader met this entity: kept on their device, and shown only when they
 * ask. Folded, it is the same one line on every card, whatever the reader read (or keeps), so the
 * page the card sits on cannot tell their reading from the card's size.
 */
export function InYourReading({ reading }: { reading: ReadingEntry[] | null | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <section class="related reading" aria-label="In your reading">
      <button
        type="button"
        class="reading-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        In your reading
      </button>
      {open && <ReadingList reading={reading} />}
    </section>
  );
}

function ReadingList({ reading }: { reading: ReadingEntry[] | null | undefined }) {
  if (reading === undefined) return <p class="related-note">Looking at your reading…</p>;
  if (reading === null)
    return (
      <p class="related-note">
        Gloss keeps no record of your reading: it is turned off in Gloss&apos;s options.
      </p>
    );
  if (reading.length === 0) return <p class="related-note">No other page you read names it.</p>;
  return (
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
  );
}
