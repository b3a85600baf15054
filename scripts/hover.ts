// Page-side helpers shared by the demo, the benchmarks and the end-to-end tests: where Gloss's
// marks are, where its card is, and hovering a mark until its card shows.
//
// Gloss's highlight has a name no page can guess, so these read every highlight on the page:
// the test pages register none of their own.
import type { Frame, Locator, Page } from '@playwright/test';

/** A marked name as the page lays it out: its text and the centre of its first line box. */
export interface MarkedMention {
  text: string;
  x: number;
  y: number;
  top: number;
}

/** The marked names, in document order, with the centre of each one's first line box. */
export async function markedMentions(page: Page | Frame): Promise<MarkedMention[]> {
  return page.evaluate(() => {
    // Gloss draws static ranges: make live ones to measure and read them.
    const live = (range: AbstractRange) => {
      const copy = document.createRange();
      copy.setStart(range.startContainer, range.startOffset);
      copy.setEnd(range.endContainer, range.endOffset);
      return copy;
    };
    return Array.from(CSS.highlights.values())
      .flatMap((highlight) => Array.from(highlight))
      .map(live)
      .map((range) => {
        const box = range.getClientRects()[0]!;
        return {
          text: range.toString(),
          x: box.left + box.width / 2,
          y: box.top + box.height / 2,
          top: box.top + window.scrollY,
        };
      })
      .sort((a, b) => a.top - b.top || a.x - b.x);
  });
}

/** How many names are marked on the page now. */
export function markCount(page: Page | Frame): Promise<number> {
  return page.evaluate(() =>
    Array.from(CSS.highlights.values()).reduce((sum, highlight) => sum + highlight.size, 0),
  );
}

/** Waits until Gloss has marked at least one name. */
export async function waitForMarks(page: Page | Frame, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => Array.from(CSS.highlights.values()).some((highlight) => highlight.size > 0),
    null,
    { timeout },
  );
}

/** The frame that draws Gloss's card in `page` (Gloss makes it on the first hover), waited for. */
export async function cardFrame(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/card.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('Gloss made no card frame on this page');
    await page.waitForTimeout(50);
  }
}

/** Whether the card's frame is on screen (its host hides it between cards). */
export async function cardShown(page: Page): Promise<boolean> {
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/card.html'));
  if (!frame) return false;
  const element = await frame.frameElement();
  return element.evaluate((node) => {
    const iframe = node as HTMLIFrameElement;
    return getComputedStyle(iframe).visibility === 'visible' && iframe.offsetWidth > 0;
  });
}

/**
 * Rests the pointer on a marked name (the first one whose text is `text`, or the first of all)
 * until its card has loaded; returns the name. The name is scrolled into view first.
 */
export async function hoverMention(page: Page, text?: string, timeout = 15_000): Promise<string> {
  await waitForMarks(page, timeout);
  // Names Gloss had to look up are marked a moment after the cached ones: wait for this one.
  const deadline = Date.now() + timeout;
  let target = await findMention(page, text);
  while ('missing' in target && Date.now() < deadline) {
    await page.waitForTimeout(100);
    target = await findMention(page, text);
  }
  if ('missing' in target)
    throw new Error(`"${text}" is not marked; marked: ${target.missing.join(', ')}`);
  // Arrive from a little way off, as a hand would, so the page sees real pointer movement.
  await page.mouse.move(target.x - 40, target.y - 40);
  await page.mouse.move(target.x, target.y, { steps: 4 });
  const frame = await cardFrame(page);
  await frame.locator('.card:not([aria-busy])').waitFor({ timeout: 10_000 });
  return target.text;
}

/** Where a marked name is on screen, or, when it is not marked, the names that are. */
type Found = { text: string; x: number; y: number } | { missing: string[] };

/** Where the marked name `text` (or the first) is, scrolled into view; or the names marked so far. */
export function findMention(page: Page, text: string | undefined): Promise<Found> {
  return page.evaluate((wanted): Found => {
    // Gloss draws static ranges: make live ones to measure and read them.
    const live = (range: AbstractRange) => {
      const copy = document.createRange();
      copy.setStart(range.startContainer, range.startOffset);
      copy.setEnd(range.endContainer, range.endOffset);
      return copy;
    };
    // In reading order: by line, then from the left.
    // Array.from, not map: a hostile page may have replaced Array.prototype.map (a test does).
    const all = Array.from(CSS.highlights.values()).flatMap((highlight) => Array.from(highlight));
    const ranges = Array.from(all, live).sort(
      (a, b) =>
        a.getBoundingClientRect().top - b.getBoundingClientRect().top ||
        a.getBoundingClientRect().left - b.getBoundingClientRect().left,
    );
    const range =
      wanted === undefined
        ? ranges[0]
        : ranges.find((candidate) => candidate.toString() === wanted);
    if (!range) return { missing: ranges.map((candidate) => candidate.toString()) };
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0]!;
    return { text: range.toString(), x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, text);
}

/**
 * The card (a locator inside the card frame) as it is now: the frame is made on the first hover,
 * so call this after one. Before any, it matches nothing, as there is no card.
 */
export function cardIn(page: Page): Locator {
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/card.html'));
  return frame ? frame.locator('.card') : page.locator('#gloss-test-no-card-frame-yet');
}

/**
 * Waits until the card has all its parts and its frame has grown to fit them (the frame follows
 * the card's size a moment after each part arrives): for pictures of the card.
 */
export async function waitForCardSettled(page: Page): Promise<void> {
  const frame = await cardFrame(page);
  await frame.waitForFunction(
    () =>
      !document.getElementById('card')?.shadowRoot?.querySelector('.skeleton, [aria-busy]') &&
      // Beside its name the frame fits the card; a sheet may be shorter, and scrolls.
      (document.documentElement.scrollHeight <= window.innerHeight + 1 ||
        document.documentElement.style.overflow === 'auto'),
  );
}
