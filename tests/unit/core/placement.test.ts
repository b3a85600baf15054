import { describe, expect, it } from 'vitest';
import { GAP_PX, placeCard } from '../../../core/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 320, height: 240 };

describe('placeCard', () => {
  it('goes below the mention when there is room', () => {
    const anchor = { left: 100, top: 100, width: 80, height: 20 };
    expect(placeCard(anchor, card, viewport)).toEqual({
      left: 100,
      top: 120 + GAP_PX,
      side: 'below',
    });
  });

  it('flips above a mention near the bottom, never covering it', () => {
    const anchor = { left: 100, top: 700, width: 80, height: 20 };
    const placed = placeCard(anchor, card, viewport);
    expect(placed.side).toBe('above');
    expect(placed.top + card.height).toBeLessThanOrEqual(anchor.top);
  });

  it('shifts left to stay inside the viewport', () => {
    const anchor = { left: 900, top: 100, width: 80, height: 20 };
    expect(placeCard(anchor, card, viewport).left).toBe(viewport.width - card.width - GAP_PX);
  });

  it('lines up with the mention’s right edge in right-to-left text, shifting right at the edge', () => {
    const anchor = { left: 600, top: 100, width: 80, height: 20 };
    expect(placeCard(anchor, card, viewport, 'rtl').left).toBe(680 - card.width);
    const nearLeft = { left: 20, top: 100, width: 80, height: 20 };
    expect(placeCard(nearLeft, card, viewport, 'rtl').left).toBe(GAP_PX);
  });
});
