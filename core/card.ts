import type { Coverage } from './coverage';
import type { Choice, EntitySummary, ReadingEntry, ResolvedName } from './entity';
import { describeError, type SourceError } from './errors';
import type { EntityFacts, Fact } from './fact-choice';
import type { Result } from './result';
import type { Story } from './stories';

/**
 * One card's life as data: what it was opened on, each of its parts as it arrives, and the pure
 * transitions between. The loader (hooks/card-loader.ts) asks for the parts and feeds the answers
 * here; the views draw `viewOf(card)`. Every event carries the showing it belongs to, so an
 * answer for a card the reader has left is dropped, whatever order answers come in.
 */

/** A part of a card: not asked for, on its way, here, or not to be had (and why, for the reader). */
export type Part<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'unavailable'; message: string };

/** What the card shows of the reader's own: the Subscribe toggle, and where they read of it before. */
export interface ReaderState {
  subscribed: boolean;
  /** Null when the reader turned "In your reading" off. */
  reading: ReadingEntry[] | null;
}

export interface DisambiguationChoices {
  choices: Choice[];
  pageUrl: string;
}

/** A card as the loader keeps it. */
export interface CardModel {
  /** The showing this is; a later showing takes a new one. */
  showing: number;
  entity: ResolvedName;
  /** The name as the page writes it (the title itself outside pages). */
  name: string;
  summary: Part<EntitySummary>;
  choices: Part<DisambiguationChoices>;
  facts: Part<Fact[]>;
  related: Part<Story[]>;
  coverage: Part<Coverage>;
  reader?: ReaderState;
  /** Why the reader's last action on the card failed. */
  problem?: string;
}

/** The card's parts that are asked of a source, each answered once per request. */
export type SourcePart = 'summary' | 'choices' | 'facts' | 'related' | 'coverage';

export type CardEvent =
  | { type: 'opened'; showing: number; entity: ResolvedName; name: string }
  /** A part was asked for (again): it shows as loading until its answer comes. */
  | { type: 'asked'; showing: number; part: SourcePart }
  | { type: 'summary'; showing: number; answer: Result<EntitySummary, SourceError> }
  | { type: 'choices'; showing: number; answer: Result<DisambiguationChoices, SourceError> }
  | { type: 'facts'; showing: number; answer: Result<EntityFacts, SourceError> }
  | { type: 'related'; showing: number; answer: Result<Story[], SourceError> }
  | { type: 'coverage'; showing: number; answer: Result<Coverage, SourceError> }
  | { type: 'reader'; showing: number; reader: ReaderState }
  /** The reader toggled Subscribe; shown at once, and put back by another event if refused. */
  | { type: 'subscribed'; showing: number; subscribed: boolean }
  | { type: 'problem'; showing: number; message: string };

/** What a card can be showing. */
export type CardState =
  | { status: 'loading'; name: string }
  | {
      status: 'ready';
      summary: EntitySummary;
      facts: Part<Fact[]>;
      related: Part<Story[]>;
      /** The entity's coverage over the last month; absent while loading or when it cannot be had. */
      coverage?: Coverage;
      reader?: ReaderState;
      /** The name as the page writes it, when the card can stop it being marked. */
      name?: string;
      /**
       * For a name on a page in another language: its article on that language's Wikipedia, and
       * whether the card is the reader's wiki's article on the same subject (or, with none, it).
       */
      original?: { key: string; title: string; translated: boolean };
      /** Why the reader's last action on the card failed. */
      problem?: string;
    }
  | { status: 'ambiguous'; name: string; choices: Part<DisambiguationChoices> }
  | { status: 'error'; name: string; message: string };

const IDLE = { status: 'idle' } as const;
const LOADING = { status: 'loading' } as const;

/** A card just opened: every part the entity lets us ask for at once is on its way. */
export function openCard(showing: number, entity: ResolvedName, name: string): CardModel {
  const ambiguous = entity.ambiguous !== undefined;
  return {
    showing,
    entity,
    name,
    summary: ambiguous ? IDLE : LOADING,
    choices: ambiguous ? LOADING : IDLE,
    facts: !ambiguous && entity.wikidataId ? LOADING : IDLE,
    related: ambiguous ? IDLE : LOADING,
    coverage: ambiguous ? IDLE : LOADING,
  };
}

/** Why a card has no latest articles, in the reader's words. */
export function relatedProblem(error: SourceError): string {
  if (error.kind === 'rate-limited')
    return 'The news source is busy; latest articles will show on a later look.';
  if (error.kind === 'offline') return 'Latest articles need a connection.';
  return 'Latest articles could not be loaded.';
}

function partOf<T>(answer: Result<T, SourceError>, why: (error: SourceError) => string): Part<T> {
  return answer.ok
    ? { status: 'ready', value: answer.value }
    : { status: 'unavailable', message: why(answer.error) };
}

/** The card after `event`; the same card when the event belongs to another showing. */
export function cardReducer(card: CardModel | undefined, event: CardEvent): CardModel | undefined {
  if (event.type === 'opened') return openCard(event.showing, event.entity, event.name);
  if (!card || card.showing !== event.showing) return card;
  switch (event.type) {
    case 'asked':
      return { ...card, [event.part]: LOADING, problem: undefined };
    case 'summary':
      return { ...card, summary: partOf(event.answer, (error) => describeError(error)) };
    case 'choices':
      return { ...card, choices: partOf(event.answer, (error) => describeError(error)) };
    case 'facts': {
      const facts = event.answer.ok
        ? { ok: true as const, value: event.answer.value.facts }
        : event.answer;
      return { ...card, facts: partOf(facts, () => '') };
    }
    case 'related':
      return { ...card, related: partOf(event.answer, relatedProblem) };
    case 'coverage':
      return { ...card, coverage: partOf(event.answer, () => '') };
    case 'reader':
      return { ...card, reader: event.reader };
    case 'subscribed':
      return card.reader
        ? { ...card, reader: { ...card.reader, subscribed: event.subscribed } }
        : card;
    case 'problem':
      return { ...card, problem: event.message };
  }
}

/** A line is worth drawing from two days on. */
const hasLine = (coverage: Coverage) => coverage.points.length > 1;

/** What the card draws for `card`. */
export function viewOf(card: CardModel): CardState {
  const { entity, summary, facts, related, coverage, reader, problem } = card;
  if (entity.ambiguous)
    return { status: 'ambiguous', name: entity.ambiguous.name, choices: card.choices };
  if (summary.status === 'unavailable')
    return { status: 'error', name: entity.title, message: summary.message };
  if (summary.status !== 'ready') return { status: 'loading', name: entity.title };
  return {
    status: 'ready',
    summary: summary.value,
    name: card.name,
    ...(entity.original
      ? { original: { ...entity.original, translated: entity.original.key !== entity.key } }
      : {}),
    facts,
    related,
    ...(coverage.status === 'ready' && hasLine(coverage.value) ? { coverage: coverage.value } : {}),
    ...(reader ? { reader } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** The Wikidata item a card's facts come from: known at hover time, or from its summary. */
export function factsItemOf(card: CardModel): string | undefined {
  return (
    card.entity.wikidataId ??
    (card.summary.status === 'ready' ? card.summary.value.wikidataId : undefined)
  );
}
