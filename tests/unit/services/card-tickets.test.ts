import { describe, expect, it } from 'vitest';
import { CARD_TICKET_LIFETIME_MS, createCardTickets } from '../../../services/card-tickets';

describe("the card frame's tickets", () => {
  it('are good once, in the tab they were issued for, while fresh', () => {
    let clock = 0;
    const tickets = createCardTickets(() => clock);
    const first = tickets.issue(7);
    expect(tickets.redeem(8, first)).toBe(false);
    // A wrong tab spends it too: a page that guessed it gets no second try.
    expect(tickets.redeem(7, first)).toBe(false);
    const second = tickets.issue(7);
    expect(tickets.redeem(7, second)).toBe(true);
    expect(tickets.redeem(7, second)).toBe(false);
    const late = tickets.issue(7);
    clock += CARD_TICKET_LIFETIME_MS + 1;
    expect(tickets.redeem(7, late)).toBe(false);
    expect(tickets.redeem(7, 'made-up')).toBe(false);
    expect(tickets.redeem(undefined, tickets.issue(7))).toBe(false);
  });
});
