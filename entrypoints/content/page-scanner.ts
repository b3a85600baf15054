import {
  candidatesIn,
  chooseMention,
  namesToResolve,
  pageAcronyms,
  type Candidate,
} from '../../core/candidates';
import type { ResolvedName } from '../../core/entity';
import type { Marks } from './marks';
import { spotNodes, START, TextCollector, type TextSpans } from './scan';
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

/** What marking needs, known once the background has said Gloss runs on this site. */
export interface Marking {
  marks: Marks;
  markMode: 'every' | 'first';
}

export interface ScannerOptions {
  /**
   * The marks and how to mark, or undefined when Gloss is off here. Spotting starts before this
   * is known (it sends nothing); names are asked about only once it is.
   */
  marking: Promise<Marking | undefined>;
  /** Tags of Gloss's own elements, never scanned. */
  ownTags: ReadonlySet<string>;
  /** Asks the background which names are articles. */
  resolve: (names: string[]) => Promise<Record<string, ResolvedName> | undefined>;
  /** Whether the content script is still alive (the extension may be reloaded under the page). */
  isValid: () => boolean;
  /** Told, after each scan, which entities it marked (for "In your reading"). */
  onMarked?: (entities: ResolvedName[]) => void;
}

/**
 * Keeps a page's marks up to date: scans what it is given (the body at first, then what changes)
 * in idle slices, asks about names it has not asked about yet, and marks what resolves. A text
 * node is scanned once, and again only when its text changes.
 */
export class PageScanner {
  private readonly seen = new WeakSet<Text>();
  private readonly resolved: Record<string, ResolvedName> = {};
  private readonly asked = new Set<string>();
  private acronyms = new Map<string, string>();
  private readonly pending = new Set<Node>();
  private running: Promise<void> | undefined;
  private observer: MutationObserver | undefined;
  private marking: Marking | undefined;
  /** Whether the first marks have been drawn (a timeline entry says when). */
  private painted = false;

  constructor(private readonly options: ScannerOptions) {
    void options.marking.then((marking) => (this.marking = marking));
  }

  /** Scans `root` (soon, when the page is idle); resolves when this and any earlier scan is done. */
  scan(root: Node): Promise<void> {
    this.pending.add(root);
    this.running ??= this.drain().finally(() => (this.running = undefined));
    return this.running;
  }

  /** What a name means from now on (the reader chose among its meanings). */
  learn(name: string, entity: ResolvedName): void {
    this.resolved[name] = entity;
  }

  /** Follows the page's changes: new and changed text is scanned, batched into idle time. */
  observe(root: Node): void {
    this.observer = new MutationObserver((records) => {
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
        this.running ??= this.drain().finally(() => (this.running = undefined));
    });
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.pending.clear();
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 && this.options.isValid()) {
      const roots = [...this.pending];
      this.pending.clear();
      const found: TextSpans[] = [];
      for (const root of roots) {
        if (!root.isConnected) continue;
        await idle();
        // Walking and spotting run in slices of idle time, so a long page never holds the thread.
        const collector = new TextCollector(root, this.seen, this.options.ownTags);
        let started = performance.now();
        for (let done = false; !done;) {
          if (performance.now() - started > SLICE_BUDGET_MS) await yieldToPage();
          started = performance.now();
          const part = collector.take(SLICE_BUDGET_MS);
          done = part.done;
          measure('collect', started);
          for (let next = START; next.index < part.nodes.length;) {
            if (performance.now() - started > SLICE_BUDGET_MS) await yieldToPage();
            started = performance.now();
            const slice = spotNodes(part.nodes, next, SLICE_BUDGET_MS);
            found.push(...slice.found);
            next = slice.next;
            measure('scan', started);
          }
        }
      }
      if (found.length > 0) await this.markFound(found);
    }
  }

  private async markFound(found: TextSpans[]): Promise<void> {
    const started = performance.now();
    for (const [acronym, name] of pageAcronyms(found)) this.acronyms.set(acronym, name);
    const candidates = found.map((entry) => ({
      entry,
      candidates: candidatesIn(entry.text, entry.spans, entry.heading),
    }));
    const names = namesToResolve(candidates.flatMap((item) => item.candidates));
    for (const name of this.acronyms.values()) names.push(name);
    // Only names never asked about on this page leave it; the page's text never does.
    const fresh = [...new Set(names)].filter((name) => !this.asked.has(name));
    measure('candidates', started);
    // Nothing leaves the page before the background has said Gloss runs on this site.
    if (!(await this.options.marking) || !this.options.isValid()) return;
    if (fresh.length > 0) {
      for (const name of fresh) this.asked.add(name);
      Object.assign(this.resolved, (await this.options.resolve(fresh)) ?? {});
    }
    if (!this.options.isValid()) return;
    let sliceStarted = performance.now();
    const marked: ResolvedName[] = [];
    for (const [index, { entry, candidates: list }] of candidates.entries()) {
      marked.push(...this.markNode(entry.node, list));
      // Thousands of names are marked in slices too, each under the budget.
      if (index % 16 === 15 && performance.now() - sliceStarted > SLICE_BUDGET_MS) {
        measure('mark', sliceStarted);
        await yieldToPage();
        if (!this.options.isValid()) return;
        sliceStarted = performance.now();
      }
    }
    measure('mark', sliceStarted);
    if (marked.length > 0 && !this.painted) {
      this.painted = true;
      requestAnimationFrame(() => mark('marks-painted'));
    }
    if (marked.length > 0) this.options.onMarked?.(marked);
    // Wrapping (where highlights are missing) changes the DOM: those changes are Gloss's own.
    this.observer?.takeRecords();
  }

  /** Marks a text node's mentions; returns the entities marked. */
  private markNode(node: Text, candidates: Candidate[]): ResolvedName[] {
    if (!node.isConnected || node.data.length === 0) return [];
    const chosen = candidates.flatMap(
      (candidate) => chooseMention(candidate, this.resolved, this.acronyms) ?? [],
    );
    const { marks, markMode } = this.marking!;
    const room = MAX_MARKS_PER_PAGE - marks.size;
    if (room <= 0) return [];
    const firstOnly = markMode === 'first';
    const keys = new Set<string>();
    const kept = chosen.filter(({ span, entity }) => {
      if (span.end > node.data.length) return false;
      if (firstOnly && (marks.hasEntity(entity.key) || keys.has(entity.key))) return false;
      keys.add(entity.key);
      return true;
    });
    kept.splice(room);
    // Right to left, so wrapping one mention (the fallback) leaves earlier offsets valid.
    for (const { span, entity } of kept.reverse()) marks.add(node, span.start, span.end, entity);
    return kept.map(({ entity }) => entity);
  }
}

/**
 * Gives the page's own queued work (input, rendering, its scripts) a turn, then goes on: a scan
 * once begun finishes soon, in slices, without waiting for the page to fall idle between them.
 */
function yieldToPage(): Promise<void> {
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
