import type { RelatedArticle } from './articles';
import type { Attention } from './attention';
import type { Coverage } from './coverage';
import type { Choice, EntitySummary, ReadingEntry, ResolvedName } from './entity';
import { describeError, type SourceError } from './errors';
import type { EntityFacts, Fact } from './fact-choice';
import { newsView, type NewsView } from './news-view';
import { NEWS_SOURCES, type NewsAnswer, type NewsSource } from './news';
import type { QueueStatus } from './paced-queue';
import type { Result } from './result';

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

/** A part from a news source, which may also be off, or waiting in the source's queue. */
export type NewsPart<T> =
  | Part<T>
  | { status: 'off' }
  | { status: 'waiting'; wait: QueueStatus }
  /** Failed, with the error kept so the card can say which source failed and why. */
  | { status: 'failed'; error: SourceError };

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
  /** Each source's latest articles, as each answers. */
  related: Record<NewsSource, NewsPart<RelatedArticle[]>>;
  coverage: NewsPart<Coverage>;
  attention: NewsPart<Attention>;
  reader?: ReaderState;
  /** Why the reader's last action on the card failed. */
  problem?: string;
}

/** The card's parts that are asked of a source, each answered once per request. */
export type SourcePart = 'summary' | 'choices' | 'facts';

export type CardEvent =
  | { type: 'opened'; showing: number; entity: ResolvedName; name: string }
  /** A part was asked for (again): it shows as loading until its answer comes. */
  | { type: 'asked'; showing: number; part: SourcePart }
  | { type: 'summary'; showing: number; answer: Result<EntitySummary, SourceError> }
  | { type: 'choices'; showing: number; answer: Result<DisambiguationChoices, SourceError> }
  | { type: 'facts'; showing: number; answer: Result<EntityFacts, SourceError> }
  | {
      type: 'related';
      showing: number;
      source: NewsSource;
      answer: Result<NewsAnswer<RelatedArticle[]>, SourceError>;
    }
  | { type: 'coverage'; showing: number; answer: Result<NewsAnswer<Coverage>, SourceError> }
  | { type: 'attention'; showing: number; answer: Result<NewsAnswer<Attention>, SourceError> }
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
      /** The latest stories from every source that answered, and a word on each that has not. */
      news: NewsView;
      /** The entity's coverage over the last month; absent while loading or when it cannot be had. */
      coverage?: Coverage;
      /** How many read its Wikipedia article each day of the last month; absent likewise. */
      attention?: Attention;
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
    related: Object.fromEntries(
      NEWS_SOURCES.map((source) => [source, ambiguous ? IDLE : LOADING]),
    ) as Record<NewsSource, NewsPart<RelatedArticle[]>>,
    coverage: ambiguous ? IDLE : LOADING,
    attention: ambiguous ? IDLE : LOADING,
  };
}

/** A news source's answer as a part of the card. */
function newsPartOf<T>(answer: Result<NewsAnswer<T>, SourceError>): NewsPart<T> {
  if (!answer.ok) return { status: 'failed', error: answer.error };
  const news = answer.value;
  if (news.status === 'done') return { status: 'ready', value: news.value };
  return news;
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
      return { ...card, related: { ...card.related, [event.source]: newsPartOf(event.answer) } };
    case 'coverage':
      return { ...card, coverage: newsPartOf(event.answer) };
    case 'attention':
      return { ...card, attention: newsPartOf(event.answer) };
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
const lineOf = <T extends { points: readonly unknown[] }>(part: NewsPart<T>) =>
  part.status === 'ready' && part.value.points.length > 1 ? part.value : undefined;

/** What the card draws for `card`. */
export function viewOf(card: CardModel): CardState {
  const { entity, summary, facts, related, reader, problem } = card;
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
    news: newsView(related, summary.value.title),
    ...optional('coverage', lineOf(card.coverage)),
    ...optional('attention', lineOf(card.attention)),
    ...(reader ? { reader } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** `{ [name]: value }`, or nothing when there is no value (the view's optional fields). */
const optional = <K extends string, T>(name: K, value: T | undefined) =>
  (value === undefined ? {} : { [name]: value }) as Partial<Record<K, T>>;

/** The Wikidata item a card's facts come from: known at hover time, or from its summary. */
export function factsItemOf(card: CardModel): string | undefined {
  return (
    card.entity.wikidataId ??
    (card.summary.status === 'ready' ? card.summary.value.wikidataId : undefined)
  );
}
