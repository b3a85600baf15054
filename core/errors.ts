/** Why a source could not answer; plain data so it can cross from the background to a card. */
export type SourceError =
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'http'; status: number }
  | { kind: 'malformed'; detail: string }
  | { kind: 'offline' }
  | { kind: 'timeout' }
  /** A newer request took this one's place (the reader typed on). */
  | { kind: 'cancelled' }
  /** Gloss's own background did not answer (restarting, or the extension was reloaded). */
  | { kind: 'unanswered' };

/** The sentence a reader sees for each failure of `source` (a card's is Wikipedia). */
export function describeError(error: SourceError, source = 'Wikipedia'): string {
  const card = source === 'Wikipedia';
  switch (error.kind) {
    case 'not-found':
      return card ? 'Wikipedia has no article by this name.' : `${source} was not found (404).`;
    case 'rate-limited':
      return error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 1
        ? `${source} is busy right now. Try again in ${waitInWords(error.retryAfterSeconds)}.`
        : `${source} is busy right now. Try again in a moment.`;
    case 'http':
      return `${source} answered with an error (${error.status}). Try again later.`;
    case 'malformed':
      return card
        ? 'Wikipedia sent an answer Gloss could not read.'
        : `${source} sent something Gloss could not read: ${error.detail}.`;
    case 'offline':
      return card
        ? 'You appear to be offline, and this card is not saved yet.'
        : `You appear to be offline: ${source} could not be reached.`;
    case 'timeout':
      return `${source} took too long to answer. Try again.`;
    case 'cancelled':
      return 'A newer request took its place.';
    case 'unanswered':
      return 'Gloss is not responding. Reload the page to try again.';
  }
}

/** "40 seconds", "3 minutes": how long a source asked Gloss to wait. */
function waitInWords(seconds: number): string {
  return seconds < 90 ? `${Math.ceil(seconds)} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
