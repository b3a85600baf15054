// Page-side helpers shared by the demo, the benchmarks and the end-to-end tests: where Gloss's
// marks are, where its card is, and hovering a mark until its card shows.
//
// Gloss draws its marks where no page script can read them, and lists them only in its content
// script's own world: these helpers read that list over Chromium's debugging protocol.
import type { CDPSession, Frame, Locator, Page } from '@playwright/test';

/** A marked name as the page lays it out: its text and the centre of its first line box. */
export interface MarkedMention {
  text: string;
  /** The text from the mark's start to its text node's end (at most 80 characters). */
  rest: string;
  /** Where the mark ends in its text node. */
  end: number;
  /** Every line box, in the viewport. */
  boxes: Array<{ left: number; top: number; width: number; height: number }>;
  x: number;
  y: number;
  top: number;
  /** The first line box, in the viewport. */
  box: { left: number; top: number; width: number; height: number };
}

/** A mark as Gloss's content script lists it (see entrypoints/content/marks-in-own-world.ts). */
interface ListedMark {
  text: string;
  rest: string;
  end: number;
  boxes: Array<{ left: number; top: number; width: number; height: number }>;
}

interface ExecutionContext {
  id: number;
  auxData?: { frameId?: string; type?: string };
}

interface FrameTree {
  frame: { id: string; url: string; name?: string };
  childFrames?: FrameTree[];
}

/**
 * Runs `read` on Gloss's list of marks in the content script's world of `target`'s frame, and
 * answers what it returns (undefined while Gloss has marked nothing there).
 */
async function inGlossWorld<T, A>(
  target: Page | Frame,
  read: (marks: ListedMark[], arg: A) => T,
  arg?: A,
  measure = true,
): Promise<T | undefined> {
  const page = 'mainFrame' in target ? target : target.page();
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  const session: CDPSession = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await session.send('Runtime.enable');
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: FrameTree };
    const frameId = frame === page.mainFrame() ? frameTree.frame.id : findFrameId(frameTree, frame);
    const expression =
      `typeof glossMarks === 'function' ? ` +
      `(${read.toString()})(glossMarks(${measure}), ${JSON.stringify(arg ?? null)}) : undefined`;
    for (const context of contexts) {
      if (context.auxData?.type !== 'isolated' || context.auxData.frameId !== frameId) continue;
      const answer = (await session.send('Runtime.evaluate', {
        expression,
        contextId: context.id,
        returnByValue: true,
      })) as { result: { value?: T }; exceptionDetails?: { text: string } };
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
      if (answer.result.value !== undefined) return answer.result.value;
    }
    return undefined;
  } finally {
    await session.detach().catch(() => {});
  }
}

function findFrameId(tree: FrameTree, frame: Frame): string | undefined {
  for (const child of tree.childFrames ?? []) {
    if (child.frame.url === frame.url() && (child.frame.name ?? '') === frame.name())
      return child.frame.id;
    const inner = findFrameId(child, frame);
    if (inner) return inner;
  }
  return undefined;
}

/** The marked names, in reading order, with the centre of each one's first line box. */
export async function markedMentions(page: Page | Frame): Promise<MarkedMention[]> {
  const listed = await inGlossWorld(page, (marks) =>
    marks
      .filter((mark) => mark.boxes.length > 0)
      .map((mark) => {
        const box = mark.boxes[0]!;
        return {
          text: mark.text,
          rest: mark.rest,
          end: mark.end,
          boxes: mark.boxes,
          x: box.left + box.width / 2,
          y: box.top + box.height / 2,
          top: box.top + window.scrollY,
          box,
        };
      }),
  );
  return (listed ?? []).sort((a, b) => a.top - b.top || a.x - b.x);
}

/** How many names are marked on the page now. */
export async function markCount(page: Page | Frame): Promise<number> {
  return (await inGlossWorld(page, (marks) => marks.length, undefined, false)) ?? 0;
}

/** The marked names' texts and where each ends in its text node, in reading order, unmeasured. */
export async function markedTexts(
  page: Page | Frame,
): Promise<Array<Pick<MarkedMention, 'text' | 'end'>>> {
  const listed = await inGlossWorld(
    page,
    (marks) => marks.map(({ text, end }) => ({ text, end })),
    undefined,
    false,
  );
  return listed ?? [];
}

/** Waits until Gloss has marked at least one name. */
export async function waitForMarks(page: Page | Frame, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await markCount(page)) === 0) {
    if (Date.now() > deadline) throw new Error(`Gloss marked no name within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

/**
 * How a box of the page looks on screen: the share of its pixels in the marks' blue, and their
 * average colour (undefined when none is). Read from a screenshot, as the reader sees it.
 */
export async function markPaint(
  page: Page,
  box: { left: number; top: number; width: number; height: number },
): Promise<{ share: number; colour: [number, number, number] | undefined }> {
  const clip = { x: box.left, y: box.top, width: box.width, height: box.height + 2 };
  const png = await page.screenshot({ clip });
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
    const sum: [number, number, number] = [0, 0, 0];
    let blue = 0;
    for (let at = 0; at < pixels.length; at += 4) {
      const [r, g, b] = [pixels[at]!, pixels[at + 1]!, pixels[at + 2]!];
      if (b < r + 12 || b < g + 8) continue;
      blue += 1;
      sum[0] += r;
      sum[1] += g;
      sum[2] += b;
    }
    const all = pixels.length / 4;
    return {
      share: blue / all,
      colour:
        blue > 0
          ? (sum.map((channel) => Math.round(channel / blue)) as [number, number, number])
          : undefined,
    };
  }, png.toString('base64'));
}

/** Where a marked name is on screen, or, when it is not marked, the names that are. */
type Found = { text: string; x: number; y: number } | { missing: string[] };

/** Where the marked name `text` (or the first) is, scrolled into view; or the names marked so far. */
export async function findMention(page: Page, text: string | undefined): Promise<Found> {
  const marks = await markedMentions(page);
  const mark = text === undefined ? marks[0] : marks.find((candidate) => candidate.text === text);
  if (!mark) return { missing: marks.map((candidate) => candidate.text) };
  // Scrolled so its line is in the middle of the window, then measured again there.
  await page.evaluate((top) => window.scrollTo({ top: top - window.innerHeight / 2 }), mark.top);
  const again = await markedMentions(page);
  const index = marks.indexOf(mark);
  const moved = again[index]?.text === mark.text ? again[index]! : mark;
  return { text: moved.text, x: moved.x, y: moved.y };
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
