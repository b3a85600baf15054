/** Why a source could not answer; plain data so it can cross from the background to a card. */
export type SourceError =
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'http'; status: number }
  | { kind: 'malformed'; detail: string }
  | { kind: 'offline' }
  | { kind: 'timeout' };

/** The sentence a reader sees for each failure. */
export function describeError(error: SourceError): string {
  switch (error.kind) {
    case 'not-found':
      return 'Wikipedia has no article by this name.';
    case 'rate-limited':
      return error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 1
        ? `Wikipedia is busy right now. Try again in ${waitInWords(error.retryAfterSeconds)}.`
        : 'Wikipedia is busy right now. Try again in a moment.';
    case 'http':
      return `Wikipedia answered with an error (${error.status}). Try again later.`;
    case 'malformed':
      return 'Wikipedia sent an answer Gloss could not read.';
    case 'offline':
      return 'You appear to be offline, and this card is not saved yet.';
    case 'timeout':
      return 'Wikipedia took too long to answer. Try again.';
  }
}

/** "40 seconds", "3 minutes": how long a source asked Gloss to wait. */
function waitInWords(seconds: number): string {
  return seconds < 90 ? `${Math.ceil(seconds)} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
