/**
 * When a card opens and closes, as an explicit state machine. Timings follow Wikipedia's Page
 * Previews, which tuned them on real readers: start fetching once the pointer has rested briefly,
 * show the card about half a second after it settles, and give the pointer time to travel from
 * the mention into the card before closing.
 */

/** Rest this long on a mention before its data is asked for (Page Previews: FETCH_START_DELAY). */
export const FETCH_START_DELAY_MS = 150;
/** Rest this long before the card shows: long enough that passing over a name does nothing. */
export const SHOW_DELAY_MS = 500;
/** After leaving the mention or the card, wait this long before closing (Page Previews: ABANDON_END_DELAY). */
export const ABANDON_DELAY_MS = 300;

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

export interface HoverEffects<T> {
  /** The pointer is resting on `target`: a good moment to start fetching its data. */
  prefetch(target: T): void;
  /** Show the card for `target`; `token` tells this showing apart from any later one. */
  show(target: T, token: number): void;
  hide(): void;
}

type State<T> =
  | { name: 'idle' }
  | { name: 'dwelling'; target: T }
  | { name: 'open'; target: T }
  | { name: 'abandoning'; target: T }
  /** The reader is working in the card (typing a search): the pointer's moves do not close it. */
  | { name: 'held'; target: T };

export class HoverIntent<T> {
  private state: State<T> = { name: 'idle' };
  private timers: number[] = [];
  /** Grows with every new target, so an answer for an earlier one can be recognised and dropped. */
  token = 0;

  constructor(
    private readonly effects: HoverEffects<T>,
    private readonly clock: Timers,
    private readonly same: (a: T, b: T) => boolean = Object.is,
    /** The reader may pick a quicker or calmer delay than Wikipedia's; fetching starts as early. */
    private readonly showDelayMs: number = SHOW_DELAY_MS,
  ) {}

  /** Whether the reader is working in the open card (`hold`). */
  get isHeld(): boolean {
    return this.state.name === 'held';
  }

  get isOpen(): boolean {
    return this.state.name !== 'idle' && this.state.name !== 'dwelling';
  }

  /** The pointer is over a mention. */
  enter(target: T): void {
    const state = this.state;
    if (state.name === 'held') return;
    if (state.name !== 'idle' && this.same(state.target, target)) {
      if (state.name === 'abandoning') this.settle({ name: 'open', target });
      return;
    }
    if (this.isOpen) this.effects.hide();
    this.token += 1;
    const token = this.token;
    this.settle({ name: 'dwelling', target });
    this.timers.push(
      this.clock.set(() => this.effects.prefetch(target), FETCH_START_DELAY_MS),
      this.clock.set(
        () => {
          this.state = { name: 'open', target };
          this.effects.show(target, token);
        },
        Math.max(this.showDelayMs, FETCH_START_DELAY_MS),
      ),
    );
  }

  /** The pointer is over the open card: keep it. */
  enterCard(): void {
    if (this.state.name === 'abandoning') this.settle({ name: 'open', target: this.state.target });
  }

  /** The pointer is over neither a mention nor the card. */
  leave(): void {
    const state = this.state;
    if (state.name === 'dwelling') this.settle({ name: 'idle' });
    if (state.name !== 'open') return;
    this.settle({ name: 'abandoning', target: state.target });
    this.timers.push(this.clock.set(() => this.close(), ABANDON_DELAY_MS));
  }

  /** Keep the open card whatever the pointer does, until `release` or `close`. */
  hold(): void {
    const state = this.state;
    if (state.name === 'open' || state.name === 'abandoning')
      this.settle({ name: 'held', target: state.target });
  }

  /** The reader is done working in the card: the pointer governs it again. */
  release(): void {
    if (this.state.name === 'held') this.settle({ name: 'open', target: this.state.target });
  }

  /** Open at once, without the intent delay: for the keyboard and for explicit requests. */
  open(target: T): void {
    if (this.isOpen) this.effects.hide();
    this.token += 1;
    this.settle({ name: 'open', target });
    this.effects.prefetch(target);
    this.effects.show(target, this.token);
  }

  /** Close now (Esc, scrolling the page away, the page going hidden). */
  close(): void {
    const wasOpen = this.isOpen;
    this.settle({ name: 'idle' });
    if (wasOpen) this.effects.hide();
  }

  private settle(next: State<T>): void {
    for (const id of this.timers) this.clock.clear(id);
    this.timers = [];
    this.state = next;
  }
}
