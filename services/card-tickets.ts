/**
 * One-time tickets that let a card frame serve the page that asked for it. A page may learn the
 * card frame's address and frame it itself, sending its own port; the frame then answers only a
 * port that comes with a ticket the background gave the content script of the same tab, once.
 */

/** A ticket not redeemed within this is void: a frame loads in well under a second. */
export const CARD_TICKET_LIFETIME_MS = 60_000;
/** Tickets waiting at most, whatever a page makes its content script ask for. */
const MAX_WAITING = 200;

export function createCardTickets(now: () => number = Date.now) {
  const waiting = new Map<string, { tab: number; until: number }>();

  /** A ticket for a card frame in `tab`. */
  function issue(tab: number): string {
    const at = now();
    for (const [ticket, { until }] of waiting) if (until < at) waiting.delete(ticket);
    if (waiting.size >= MAX_WAITING) waiting.delete(waiting.keys().next().value!);
    const ticket = crypto.randomUUID();
    waiting.set(ticket, { tab, until: at + CARD_TICKET_LIFETIME_MS });
    return ticket;
  }

  /** Whether `ticket` was issued for `tab` and is still good; a ticket is good once. */
  function redeem(tab: number | undefined, ticket: string): boolean {
    const entry = waiting.get(ticket);
    waiting.delete(ticket);
    return entry !== undefined && entry.tab === tab && entry.until >= now();
  }

  return { issue, redeem };
}
