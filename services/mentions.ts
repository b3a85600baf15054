import type { Caller } from '../core/caller';
import { normaliseAlias } from '../core/alias';
import { newLookupBudget, type LookupBudget } from '../core/cache-policy';
import type { NameIndex } from '../core/name-index';
import { Rate } from '../core/rate';
import {
  checkTextBatch,
  findMentions,
  type FoundMentions,
  type PageText,
  type Pacing,
  type Resolution,
} from '../core/mention-finding';

type PageAddress = { url: string; title: string };

/** The page a batch comes from, as the browser tells it (never as the page says). */
export type PageOrigin = Omit<Caller, 'kind'>;

export interface MentionServiceDeps {
  /**
   * What the names mean: the cache's answers at once, looked-up ones later, within `budget`;
   * `remember` false when nothing may be written (a private window); `lang` the page's language,
   * whose Wikipedia they are looked up on.
   */
  resolveNames: (
    names: string[],
    site: string,
    budget: LookupBudget,
    remember: boolean,
    lang?: string,
  ) => Promise<Resolution>;
  noteReading: (page: PageAddress, keys: string[]) => Promise<void>;
  /** The names (normalised) the reader asked not to be marked on a site: never looked up there. */
  unmarkedOn?: (site: string) => Promise<ReadonlySet<string>>;
  /**
   * The known names a site's pages are read with, and how a site teaches more; without it only
   * the spotter reads.
   */
  knownNames?: {
    matcher: (site: string) => Promise<NameIndex>;
    learn: (site: string, names: Iterable<string>) => Promise<void>;
  };
  now: () => number;
  schedule?: (run: () => void, ms: number) => unknown;
}

/**
 * A page's later batches (a live ticker, a feed that grows) name the same entities again: each is
 * noted for the page once in this long, not once per batch.
 */
const NOTE_AGAIN_AFTER_MS = 10 * 60_000;
/** Notes remembered at most; past this the memory starts over (a note twice costs one write). */
const MAX_REMEMBERED_NOTES = 5_000;
/**
 * How long the mentions that waited for look-ups are kept for the page to collect: it asks at once,
 * so only a page closed meanwhile leaves them here.
 */
export const LATER_KEPT_MS = 60_000;

/**
 * Reading a batch gives other work a turn about this often: a card asked for in another tab waits
 * for one slice at most, not for a crafted page's whole batch.
 */
const SPOT_SLICE_MS = 10;
/** Most time one batch is read for; the rest of a batch that takes longer is left unread. */
const SPOT_BUDGET_MS = 2_000;

/** Tabs' sites whose look-up budgets are remembered; past this the longest unused are forgotten. */
const MAX_REMEMBERED_DOCUMENTS = 500;
/**
 * Batches one document may have read: a page's first screenfuls at once, then no faster than a
 * live page's changes come (one gathering every 100 ms). Faster batches wait their turn; one that
 * would wait past `MAX_BATCH_WAIT_MS` is refused, and the page asks again later.
 */
const BATCH_BURST = 20;
const BATCHES_PER_SECOND = 10;
const MAX_BATCH_WAIT_MS = 10_000;

/** A batch's mentions, and when names were still being looked up, the ticket to ask for the rest. */
export type FirstMentions = FoundMentions & { later?: number };

/**
 * Reads a page's text for names, here in the background rather than in the page: the page's thread
 * only gathers text and draws marks, and the spotter's code stays compiled across tabs. The text is
 * read and dropped; only the names found in it are looked up.
 *
 * Long as a whole because it is a factory: its few functions share one state (budgets, tickets,
 * the tabs' documents), and each of them is short.
 */
export function createMentionService({
  resolveNames,
  noteReading,
  unmarkedOn,
  knownNames,
  now,
  schedule = setTimeout,
}: MentionServiceDeps) {
  const noted = new Map<string, number>();
  const pacing: Pacing = {
    pause: () => new Promise<void>((resume) => void schedule(resume, 0)),
    now,
    sliceMs: SPOT_SLICE_MS,
    budgetMs: SPOT_BUDGET_MS,
  };

  /** The keys not noted for this page lately; remembers them as noted now. */
  function notYetNoted(url: string, keys: string[]): string[] {
    const at = now();
    if (noted.size > MAX_REMEMBERED_NOTES) noted.clear();
    return keys.filter((key) => {
      const id = `${url}\n${key}`;
      const last = noted.get(id);
      if (last !== undefined && at - last < NOTE_AGAIN_AFTER_MS) return false;
      noted.set(id, at);
      return true;
    });
  }

  /** Mentions still waiting for look-ups, by ticket, with the document that may collect them. */
  const waiting = new Map<number, { document: string; rest: Promise<FoundMentions> }>();
  let tickets = 0;

  /**
   * What a site may still have looked up in one tab (a page that sends its text in ten batches,
   * reloads itself, navigates or frames pages gets no more look-ups than one that sends one, but
   * for the few earned back over time), and how fast it may have batches read. A tab's frames
   * spend its top page's site's.
   */
  const limitsByTabSite = new Map<string, { budget: LookupBudget; rate: Rate }>();
  /** Each tab's top page's site, whose limits the tab's frames share. */
  const topSites = new Map<number, string>();
  function limitsOf(from: PageOrigin): { budget: LookupBudget; rate: Rate } {
    const id =
      from.tab === undefined
        ? from.document
        : `${from.tab}\n${from.frame === 0 ? from.site : (topSites.get(from.tab) ?? from.site)}`;
    let limits = limitsByTabSite.get(id);
    if (limits) limitsByTabSite.delete(id);
    else
      limits = { budget: newLookupBudget(now()), rate: new Rate(BATCH_BURST, BATCHES_PER_SECOND) };
    // Kept most recently used last, so the one forgotten past the limit is the longest unused.
    limitsByTabSite.set(id, limits);
    if (limitsByTabSite.size > MAX_REMEMBERED_DOCUMENTS)
      limitsByTabSite.delete(limitsByTabSite.keys().next().value!);
    return limits;
  }

  /** Learns the names the page spelt, and notes the page (when given) for "In your reading". */
  function afterFound(
    site: string,
    texts: readonly PageText[],
    page: PageAddress | undefined,
    found: FoundMentions,
  ) {
    knownNames
      ?.learn(site, namesToLearn(texts, found))
      .catch((error: unknown) => console.warn('Gloss could not learn these names:', error));
    if (!page) return;
    const keys = notYetNoted(
      page.url,
      found.entities.filter((entity) => !entity.ambiguous).map((entity) => entity.key),
    );
    // "In your reading" learns of the page here, where its entities are known: no extra message.
    if (keys.length > 0)
      noteReading(page, keys).catch((error: unknown) =>
        console.warn('Gloss could not note this page for "In your reading":', error),
      );
  }

  /**
   * The batch's mentions that the cache could settle, at once; when names had to be looked up, a
   * ticket for `laterMentions`, which answers the rest once they are.
   */
  async function findPageMentions(from: PageOrigin, batch: unknown): Promise<FirstMentions> {
    const { title, texts, acronyms, lang } = checkTextBatch(batch);
    const { site, incognito } = from;
    const { budget, rate } = limitsOf(from);
    const wait = rate.take(now());
    if (wait > MAX_BATCH_WAIT_MS)
      throw new Error('This page sends its text faster than Gloss reads it.');
    if (wait > 0) await new Promise<void>((resume) => void schedule(resume, wait));
    const page = { url: from.url, title };
    const remember = !incognito;
    // "In your reading" lists the pages the reader opened, not the frames inside them.
    const note = remember && from.frame === 0;
    const known = await knownNames?.matcher(site).catch((error: unknown) => {
      console.warn('Gloss reads this page without its known names:', error);
      return undefined;
    });
    const unmarked = (await unmarkedOn?.(site)) ?? new Set<string>();
    const { found: all, later: allLater } = await findMentions(
      texts,
      acronyms,
      (names) =>
        resolveNames(
          unmarked.size > 0 ? names.filter((name) => !unmarked.has(normaliseAlias(name))) : names,
          site,
          budget,
          remember,
          lang,
        ),
      known,
      pacing,
      lang,
    );
    // A name left unlooked-up may still be marked as another's acronym ("ASEAN" for the
    // association's full name): what the reader unmarked is left out whatever it resolved to.
    const found = withoutUnmarked(texts, all, unmarked);
    const later = allLater?.then((more) => withoutUnmarked(texts, more, unmarked));
    if (remember) afterFound(site, texts, note ? page : undefined, found);
    if (!later) return found;
    const ticket = (tickets += 1);
    const rest = later.then((more) => {
      if (remember) afterFound(site, texts, note ? page : undefined, more);
      return more;
    });
    // A page that never asks (it was closed) must not leave an unhandled failure behind.
    rest.catch(() => undefined);
    waiting.set(ticket, { document: from.document, rest });
    schedule(() => waiting.delete(ticket), LATER_KEPT_MS);
    return { ...found, later: ticket };
  }

  /**
   * The rest of a batch's mentions, once its names are looked up: only for the document the
   * ticket was given to (none for another's ticket, or an unknown one).
   */
  async function laterMentions(from: PageOrigin, ticket: unknown): Promise<FoundMentions> {
    const entry = typeof ticket === 'number' ? waiting.get(ticket) : undefined;
    if (!entry || entry.document !== from.document)
      return { mentions: [], entities: [], acronyms: [] };
    waiting.delete(ticket as number);
    return entry.rest;
  }

  /** A tab's top frame has a new document: its frames' look-ups count against its site's budget. */
  function notePage(from: PageOrigin): void {
    if (from.frame !== 0 || from.tab === undefined) return;
    topSites.delete(from.tab);
    topSites.set(from.tab, from.site);
    if (topSites.size > MAX_REMEMBERED_DOCUMENTS) topSites.delete(topSites.keys().next().value!);
  }

  return { findPageMentions, laterMentions, notePage };
}

/** `found` without the mentions of names the reader asked not to be marked. */
function withoutUnmarked<T extends FoundMentions>(
  texts: readonly PageText[],
  found: T,
  unmarked: ReadonlySet<string>,
): T {
  if (unmarked.size === 0) return found;
  const mentions = found.mentions.filter(
    ([text, start, end]) => !unmarked.has(normaliseAlias(texts[text]!.text.slice(start, end))),
  );
  return { ...found, mentions };
}

/**
 * The names as the page spelt them, for those that name one thing: "Min Aung Hlaing" is then found
 * in a headline's capitals too. A name in capitals is learnt only when short (an acronym), as a
 * headline's "MYANMAR JUNTA" would be learnt as an acronym and found only so.
 */
function namesToLearn(texts: readonly PageText[], found: FoundMentions): Set<string> {
  const names = new Set<string>();
  for (const [text, start, end, entity] of found.mentions) {
    if (found.entities[entity]!.ambiguous) continue;
    const name = texts[text]!.text.slice(start, end);
    if (name.toUpperCase() !== name || (name.length <= 8 && !name.includes(' '))) names.add(name);
  }
  return names;
}
