import type { ResolvedName } from '../../core/entity';
import type { MarkMode } from '../../core/settings';
import type {
  AcronymPairs,
  FoundMentions,
  MentionTuple,
  PageText,
} from '../../core/mention-finding';
import type { Marks } from './marks';
import { pageTexts, TextCollector, type TakenText, type TextBatch } from './scan';
import { mark, measure } from './timeline';

/** Longest stretch of main-thread work per idle slice: well under a frame, so scrolling stays smooth. */
const SLICE_BUDGET_MS = 8;
/**
 * Most mentions marked on one page. A reader meets a few hundred at most; a page built to flood
 * Gloss (a megabyte of names) would otherwise cost a range, and paint, for each.
 */
export const MAX_MARKS_PER_PAGE = 5_000;
/** How long new text may wait for an idle moment before it is scanned anyway. */
const IDLE_TIMEOUT_MS = 500;
/**
 * Changes are gathered this long before they are read: a page that rewrites a ticker every few
 * milliseconds costs a read ten times a second, not one per idle moment.
 */
const CHANGE_BATCH_MS = 100;

/**
 * A batch the background did not answer (it was restarting, or busy past its limits) is read
 * again after these waits; after the last, its text stays unread until it changes.
 */
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

/** What marking needs, known once the background has said Gloss runs on this site. */
export interface Marking {
  marks: Marks;
  markMode: MarkMode;
}

export interface ScannerOptions {
  /**
   * The marks and how to mark, or undefined when Gloss is off here. Spotting starts before this
   * is known (it sends nothing); names are asked about only once it is.
   */
  marking: Promise<Marking | undefined>;
  /** Asks the background to read a batch of texts for names, and which mentions to mark. */
  find: (
    texts: PageText[],
    acronyms: AcronymPairs,
  ) => Promise<(FoundMentions & { later?: number }) | undefined>;
  /** The rest of a batch's mentions, by the ticket `find` answered: those that waited for look-ups. */
  findLater: (ticket: number) => Promise<FoundMentions | undefined>;
  /** Whether the content script is still alive (the extension may be reloaded under the page). */
  isValid: () => boolean;
}

/**
 * Keeps a page's marks up to date: gathers the text nodes it is given (the body at first, then what
 * changes) in idle slices, has the background read them for names, and marks what comes back. A
 * text node is read once, and again only when its text changes.
 */
export class PageScanner {
  private readonly seen = new WeakSet<Text>();
  /** The page's acronyms so far: a later batch's "NLD" means what an earlier one defined. */
  private acronyms: AcronymPairs = [];
  private readonly pending = new Set<Node>();
  private running: Promise<void> | undefined;
  private observer: MutationObserver | undefined;
  /** The shadow roots whose changes are followed. */
  private readonly followed = new WeakSet<ShadowRoot>();
  private marking: Marking | undefined;
  /** Whether the first marks have been drawn (a timeline entry says when). */
  private painted = false;
  /** Unanswered batches in a row: how long the next retry waits. */
  private failures = 0;

  constructor(private readonly options: ScannerOptions) {
    void options.marking.then((marking) => (this.marking = marking));
  }

  /**
   * Scans `root` (soon, when the page is idle); resolves when this and any earlier scan is read and
   * marked, but for names still being looked up, which are marked as they come.
   */
  scan(root: Node): Promise<void> {
    this.pending.add(root);
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Follows the page's changes: new and changed text is scanned, batched into idle time. The open
   * shadow roots the scans find are followed too (a page's observer stops at their boundary).
   */
  observe(root: Node): void {
    this.observer ??= new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') {
          const node = record.target as Text;
          this.seen.delete(node);
          this.marking?.marks.removeNode(node);
          this.pending.add(node);
        } else {
          for (const node of record.addedNodes) this.pending.add(node);
          for (const node of record.removedNodes)
            if (node.nodeType === Node.TEXT_NODE) this.marking?.marks.removeNode(node as Text);
        }
      }
      if (this.pending.size > 0)
        this.running ??= this.drain(true).finally(() => (this.running = undefined));
    });
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** A shadow root met by a scan: followed from now on, once. */
  private readonly followShadow = (shadow: ShadowRoot): void => {
    if (!this.observer || this.followed.has(shadow)) return;
    this.followed.add(shadow);
    this.observe(shadow);
  };

  disconnect(): void {
    this.observer?.disconnect();
    this.pending.clear();
  }

  /** Reads what is pending until nothing is; `changes`: it was the page's changes that woke it. */
  private async drain(changes = false): Promise<void> {
    for (let wait = changes; this.pending.size > 0 && this.options.isValid(); wait = true) {
      // Whatever arrives while a batch is read is a change too: gathered a while first.
      if (wait) await new Promise((resolve) => setTimeout(resolve, CHANGE_BATCH_MS));
      const roots = [...this.pending];
      this.pending.clear();
      const taken: TakenText = { nodes: [], headings: [], languages: [] };
      for (const root of roots) {
        if (!root.isConnected) continue;
        // The page as it loaded is read at once (marks come sooner); its changes wait for an idle
        // moment. Either way the walk runs in short slices, so a long page never holds the thread.
        if (wait) await idle();
        const collector = new TextCollector(root, this.seen, this.followShadow);
        let started = performance.now();
        for (let done = false; !done;) {
          if (performance.now() - started > SLICE_BUDGET_MS) await yieldToPage();
          started = performance.now();
          done = collector.take(SLICE_BUDGET_MS, taken).done;
          measure('scan', started);
        }
      }
      if (taken.nodes.length > 0) await this.markNodes(taken);
    }
  }

  private async markNodes(taken: TakenText): Promise<void> {
    // Nothing leaves the page before the background has said Gloss runs on this site.
    if (!(await this.options.marking) || !this.options.isValid()) return;
    const batches = pageTexts(taken);
    for (const batch of batches) {
      if (batch.texts.length === 0) continue;
      mark('message');
      const found = await this.options.find(batch.texts, this.acronyms);
      if (!this.options.isValid()) return;
      if (!found) {
        // Not left as read: this batch and those after it are read again a little later.
        this.retry([batch, ...batches].flatMap((unread) => unread.nodes));
        return;
      }
      this.failures = 0;
      this.acronyms = found.acronyms;
      // Names Wikipedia is still asked about come later. Neither the next batch nor the page's
      // next change waits for them: a look-up may take seconds, or wait on a spent budget.
      if (found.later !== undefined)
        void this.options
          .findLater(found.later)
          .then((rest) => rest && this.options.isValid() && this.markFound(batch, rest));
      if (!(await this.markFound(batch, found))) return;
    }
  }

  /** Reads `nodes` again after a wait that grows with each failure in a row, up to a limit. */
  private retry(nodes: Text[]): void {
    const delay = RETRY_DELAYS_MS[this.failures];
    if (delay === undefined) return;
    this.failures += 1;
    for (const node of nodes) this.seen.delete(node);
    setTimeout(() => {
      if (!this.options.isValid()) return;
      for (const node of nodes) if (node.isConnected) void this.scan(node);
    }, delay);
  }

  /** Marks one answer's mentions in a batch's text nodes; answers false once Gloss is gone. */
  private async markFound(batch: TextBatch, found: FoundMentions): Promise<boolean> {
    let started = performance.now();
    const byText = groupByText(found.mentions);
    let marked = 0;
    for (const [index, mentions] of byText) {
      const node = batch.nodes[index];
      // Text changed while it was read is read again (the observer queued it): skip it here.
      if (!node || node.data !== batch.sources[index]) continue;
      marked += this.markNode(node, mentions, found.entities);
      // Thousands of names are marked in slices too, each under the budget.
      if (performance.now() - started > SLICE_BUDGET_MS) {
        measure('mark', started);
        await yieldToPage();
        if (!this.options.isValid()) return false;
        started = performance.now();
      }
    }
    measure('mark', started);
    if (marked > 0 && !this.painted) {
      this.painted = true;
      requestAnimationFrame(() => mark('marks-painted'));
    }
    return true;
  }

  /** Marks a text node's mentions; answers how many it marked. */
  private markNode(node: Text, mentions: MentionTuple[], entities: ResolvedName[]): number {
    if (!node.isConnected) return 0;
    const { marks, markMode } = this.marking!;
    const room = MAX_MARKS_PER_PAGE - marks.size;
    if (room <= 0) return 0;
    const firstOnly = markMode === 'first';
    const keys = new Set<string>();
    const kept = mentions.filter(([, , end, entity]) => {
      const { key } = entities[entity]!;
      if (end > node.data.length) return false;
      if (firstOnly && (marks.hasEntity(key) || keys.has(key))) return false;
      keys.add(key);
      return true;
    });
    kept.splice(room);
    for (const [, start, end, entity] of kept) marks.add(node, start, end, entities[entity]!);
    return kept.length;
  }
}

/** The mentions of each text, by the text's index, in the order they came. */
function groupByText(mentions: readonly MentionTuple[]): Map<number, MentionTuple[]> {
  const byText = new Map<number, MentionTuple[]>();
  for (const mention of mentions) {
    const list = byText.get(mention[0]);
    if (list) list.push(mention);
    else byText.set(mention[0], [mention]);
  }
  return byText;
}

/**
 * Gives the page's input and rendering a turn, then goes on: a scan once begun finishes soon, in
 * slices, without waiting for the page to fall idle between them. `scheduler.yield` resumes ahead
 * of the page's other queued tasks (a posted message waited 10–20 ms behind them here).
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves when the browser is idle (or soon anyway), so a scan starts when the page is quiet. */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 1);
  });
}
