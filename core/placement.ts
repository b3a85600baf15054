/** A rectangle in viewport coordinates, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Space kept between the mention and the card, and between the card and the viewport's edge. */
export const GAP_PX = 8;

/**
 * Where a card goes beside its mention, never over it: below when it fits, else above, else on
 * the side with more room; lined up with the mention's start (its left edge, or its right edge in
 * right-to-left text) and shifted sideways to stay inside the viewport. Viewport coordinates.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  direction: 'ltr' | 'rtl' = 'ltr',
): { left: number; top: number; side: 'below' | 'above' } {
  const roomBelow = viewport.height - (anchor.top + anchor.height) - GAP_PX;
  const roomAbove = anchor.top - GAP_PX;
  const below = card.height <= roomBelow || roomBelow >= roomAbove;
  const top = below ? anchor.top + anchor.height + GAP_PX : anchor.top - GAP_PX - card.height;
  const widest = Math.max(GAP_PX, viewport.width - card.width - GAP_PX);
  const start = direction === 'rtl' ? anchor.left + anchor.width - card.width : anchor.left;
  const left = Math.min(Math.max(start, GAP_PX), widest);
  return { left, top, side: below ? 'below' : 'above' };
}
