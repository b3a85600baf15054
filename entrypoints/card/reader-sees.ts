/**
 * Whether the reader can really see the card: a page may hide it under a top-layer overlay that
 * lets clicks through, or fade its own <html> to nothing, while the reader's click lands on a
 * button in it. Chrome's IntersectionObserver v2 (`trackVisibility`) says whether the browser
 * painted the frame unobscured and untransformed; where the browser cannot say (Firefox), an
 * action asks the reader to confirm in the browser's own dialog, which no page can hide or fake.
 */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/** How often (at most) the browser re-checks visibility, the least it allows. */
const CHECK_EVERY_MS = 100;

export function readerSees(target: Element) {
  const tracked = 'isVisible' in IntersectionObserverEntry.prototype;
  let visible = false;
  // While the browser has not said the card is seen, its buttons take no pointer (card.css): a
  // click then lands on the card itself rather than on a button that would refuse it unseen.
  const mark = () => target.toggleAttribute('data-unseen', !visible);
  if (tracked) {
    mark();
    new IntersectionObserver(
      (entries) => {
        for (const entry of entries as VisibilityEntry[]) visible = entry.isVisible === true;
        mark();
      },
      {
        threshold: [0, 1],
        trackVisibility: true,
        delay: CHECK_EVERY_MS,
      } as IntersectionObserverInit,
    ).observe(target);
  }

  /** Runs `action` if the reader can see the card (or says they meant it); answers whether it ran. */
  return function whenSeen(what: string, action: () => void): boolean {
    const meant = tracked ? visible : window.confirm(`Gloss: ${what}?`);
    if (meant) action();
    return meant;
  };
}
