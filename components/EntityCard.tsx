import type { CardState } from '../core/card';
import { languageName } from '../core/stories';
import { firstSentences } from '../core/text';
import { articleUrl, wikiOfKey } from '../core/wikis';
import { ChoicesCard } from './ChoicesCard';
import { CoverageLine } from './CoverageLine';
import { InYourReading } from './InYourReading';
import { RelatedArticles } from './RelatedArticles';

/** What the reader can do from a card. */
export interface CardActions {
  onRetry?: () => void;
  onSubscribe?: (subscribed: boolean) => void;
  onChoose?: (title: string) => void;
  /** Stop marking the name: on this site, or (`anywhere`) on every site. */
  onUnmark?: (anywhere: boolean) => void;
  /** The name means something else here: search for it. */
  onNotThis?: () => void;
}

/** Sentences of the extract a card shows: enough to place a name, short enough to read at a glance. */
const EXTRACT_SENTENCES = 3;

type ReadyState = Extract<CardState, { status: 'ready' }>;

/**
 * The hover card: who or what a name is, in a few lines, with the way to read more. Every state
 * is drawn in the same `article`, so the focus the card was given stays as its parts arrive.
 */
export function EntityCard({ state, actions = {} }: { state: CardState; actions?: CardActions }) {
  if (state.status === 'ambiguous')
    return <ChoicesCard name={state.name} choices={state.choices} onChoose={actions.onChoose} />;
  if (state.status === 'loading')
    return (
      <article
        class="card"
        role="dialog"
        tabIndex={-1}
        aria-busy="true"
        aria-label={`Loading ${state.name}`}
      >
        <Skeletons />
      </article>
    );
  if (state.status === 'error')
    return (
      <article class="card" role="dialog" tabIndex={-1} aria-label={state.name}>
        <Failure {...state} onRetry={actions.onRetry} />
      </article>
    );
  const { summary, facts, news, coverage, attention, reader, problem, original } = state;
  return (
    <article
      class="card"
      role="dialog"
      tabIndex={-1}
      aria-label={summary.title}
      dir={summary.dir}
      lang={summary.lang}
    >
      <CardHeader state={state} onSubscribe={actions.onSubscribe} />
      {original && !original.translated && (
        // Gloss's own words, in its language, on a card in the page's.
        <p class="note" lang="en">
          From {wikipediaName(original.key)}: there is no article on it in your card language.
        </p>
      )}
      {summary.extract && (
        <p class="extract">{firstSentences(summary.extract, EXTRACT_SENTENCES)}</p>
      )}
      <KeyFacts facts={facts} />
      <CoverageLine attention={attention} coverage={coverage} />
      <RelatedArticles news={news} />
      <InYourReading reading={reader?.reading} />
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <CardFooter state={state} />
      <Corrections state={state} actions={actions} />
    </article>
  );
}

/** "French Wikipedia", for an article's key. */
const wikipediaName = (key: string) => `${languageName(wikiOfKey(key))} Wikipedia`;

function Skeletons() {
  return (
    <>
      <div class="skeleton skeleton-title" />
      <div class="skeleton" />
      <div class="skeleton skeleton-short" />
    </>
  );
}

/** Why the card cannot show, and Try again when there is a way to. */
function Failure(props: { name: string; message: string; onRetry?: (() => void) | undefined }) {
  return (
    <>
      <h2 class="title">{props.name}</h2>
      <p class="error" role="alert">
        {props.message}
      </p>
      {props.onRetry && (
        <button type="button" class="retry" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </>
  );
}

/** The picture, the title and what it is, and Subscribe when the reader can follow it. */
function CardHeader({
  state,
  onSubscribe,
}: {
  state: ReadyState;
  onSubscribe?: CardActions['onSubscribe'];
}) {
  const { summary, reader } = state;
  return (
    <header class="header">
      {summary.thumbnail && (
        <img
          class="thumbnail"
          src={summary.thumbnail.source}
          alt=""
          width={64}
          height={64}
          referrerpolicy="no-referrer"
          // Asked without cookies, and by CORS, which Wikimedia's image servers allow: a card
          // frame on a page isolated by Cross-Origin-Embedder-Policy takes no other picture.
          crossOrigin="anonymous"
        />
      )}
      <div class="heading">
        <h2 class="title">{summary.title}</h2>
        {summary.description && <p class="description">{summary.description}</p>}
      </div>
      {reader && onSubscribe && (
        <button
          type="button"
          class="subscribe"
          aria-pressed={reader.subscribed}
          title={
            reader.subscribed
              ? 'You follow this; new articles about it are collected for you'
              : 'Follow new articles about this'
          }
          onClick={() => onSubscribe(!reader.subscribed)}
        >
          {reader.subscribed ? 'Subscribed' : 'Subscribe'}
        </button>
      )}
    </header>
  );
}

function KeyFacts({ facts }: { facts: ReadyState['facts'] }) {
  if (facts.status === 'loading') return <div class="skeleton skeleton-short" aria-hidden="true" />;
  if (facts.status !== 'ready' || facts.value.length === 0) return null;
  return (
    <dl class="facts" aria-label="Key facts">
      {facts.value.map((fact) => (
        <div class="fact" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>
            {fact.value}
            {fact.date && <span class="fact-date"> ({fact.date})</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Where to read more: the article, the page language's one it was found as, its Wikidata item. */
function CardFooter({ state }: { state: ReadyState }) {
  const { summary, original } = state;
  return (
    <footer class="footer">
      <a href={summary.pageUrl} target="_blank" rel="noopener noreferrer">
        Read on Wikipedia
      </a>
      {original?.translated && (
        <a
          href={articleUrl(original.key)}
          target="_blank"
          rel="noopener noreferrer"
          lang={wikiOfKey(original.key)}
          title={`The page's name on ${wikipediaName(original.key)}`}
        >
          {original.title} ({wikipediaName(original.key)})
        </a>
      )}
      {summary.wikidataId && (
        <a
          href={`https://www.wikidata.org/wiki/${summary.wikidataId}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          Wikidata
        </a>
      )}
    </footer>
  );
}

/** "Not this?" and "Don't mark", where the card is on a page that can take them. */
function Corrections({ state, actions }: { state: ReadyState; actions: CardActions }) {
  const { name } = state;
  if (!name || !(actions.onNotThis || actions.onUnmark)) return null;
  return (
    <div class="corrections">
      {actions.onNotThis && (
        <button type="button" class="not-this" onClick={actions.onNotThis}>
          Not this?
        </button>
      )}
      {actions.onUnmark && <UnmarkName name={name} onUnmark={actions.onUnmark} />}
    </div>
  );
}

/** "Don't mark this name": here, or anywhere. Undone from the options page. */
function UnmarkName({ name, onUnmark }: { name: string; onUnmark: (anywhere: boolean) => void }) {
  return (
    <details class="unmark">
      <summary>Don’t mark “{name}”</summary>
      <div class="unmark-choices">
        <button type="button" onClick={() => onUnmark(false)}>
          On this site
        </button>
        <button type="button" onClick={() => onUnmark(true)}>
          On any site
        </button>
      </div>
    </details>
  );
}
