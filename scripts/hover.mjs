// Page-side helpers shared by the demo and the end-to-end tests: where Gloss's marks are, and
// hovering one until its card shows.

/** The marked names, in document order, with the centre of each one's first line box. */
export async function markedMentions(page) {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('gloss-mention');
    if (!highlight) return [];
    // Gloss draws static ranges: make live ones to measure and read them.
    const live = (range) => {
      const copy = document.createRange();
      copy.setStart(range.startContainer, range.startOffset);
      copy.setEnd(range.endContainer, range.endOffset);
      return copy;
    };
    return [...highlight]
      .map(live)
      .map((range) => {
        const box = range.getClientRects()[0];
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

/** Waits until Gloss has marked at least one name. */
export async function waitForMarks(page, timeout = 15_000) {
  await page.waitForFunction(() => (CSS.highlights.get('gloss-mention')?.size ?? 0) > 0, null, {
    timeout,
  });
}

/**
 * Rests the pointer on a marked name (the first one whose text is `text`, or the first of all)
 * until its card has loaded; returns the name. The name is scrolled into view first.
 */
export async function hoverMention(page, text, timeout = 15_000) {
  await waitForMarks(page, timeout);
  // Names Gloss had to look up are marked a moment after the cached ones: wait for this one.
  const deadline = Date.now() + timeout;
  let target = await findMention(page, text);
  while (target.missing && Date.now() < deadline) {
    await page.waitForTimeout(100);
    target = await findMention(page, text);
  }
  if (target.missing)
    throw new Error(`"${text}" is not marked; marked: ${target.missing.join(', ')}`);
  // Arrive from a little way off, as a hand would, so the page sees real pointer movement.
  await page.mouse.move(target.x - 40, target.y - 40);
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await page.locator('gloss-card .card:not([aria-busy])').waitFor({ timeout: 10_000 });
  return target.text;
}

/** Where the marked name `text` is (scrolled into view), or the names marked so far. */
function findMention(page, text) {
  return page.evaluate((wanted) => {
    // Gloss draws static ranges: make live ones to measure and read them.
    const live = (range) => {
      const copy = document.createRange();
      copy.setStart(range.startContainer, range.startOffset);
      copy.setEnd(range.endContainer, range.endOffset);
      return copy;
    };
    // In reading order: by line, then from the left.
    // Array.from, not map: a hostile page may have replaced Array.prototype.map (a test does).
    const ranges = Array.from(CSS.highlights.get('gloss-mention') ?? [], live).sort(
      (a, b) =>
        a.getBoundingClientRect().top - b.getBoundingClientRect().top ||
        a.getBoundingClientRect().left - b.getBoundingClientRect().left,
    );
    const range =
      wanted === undefined
        ? ranges[0]
        : ranges.find((candidate) => candidate.toString() === wanted);
    if (!range) return { missing: ranges.map((candidate) => candidate.toString()) };
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const box = range.getClientRects()[0];
    return { text: range.toString(), x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, text);
}
