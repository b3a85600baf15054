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

/** The hover card: who or what a name is, in a few lines, with the way to read more. */
export function EntityCard({ state, actions = {} }: { state: CardState; actions?: CardActions }) {
  if (state.status === 'loading') {
    return (
      <article
        class="card"
        role="dialog"
        tabIndex={-1}
        aria-busy="true"
        aria-label={`Loading ${state.name}`}
      >
        <div class="skeleton skeleton-title" />
        <div class="skeleton" />
        <div class="skeleton skeleton-short" />
      </article>
    );
  }
  if (state.status === 'ambiguous') {
    return <ChoicesCard name={state.name} choices={state.choices} onChoose={actions.onChoose} />;
  }
  if (state.status === 'error') {
    return (
      <article class="card" role="dialog" tabIndex={-1} aria-label={state.name}>
        <h2 class="title">{state.name}</h2>
        <p class="error" role="alert">
          {state.message}
        </p>
        {actions.onRetry && (
          <button type="button" class="retry" onClick={actions.onRetry}>
            Try again
          </button>
        )}
      </article>
    );
  }
  const { summary, facts, related, coverage, reader, name, problem, original } = state;
  const originalWiki = original && `${languageName(wikiOfKey(original.key))} Wikipedia`;
  return (
    <article
      class="card"
      role="dialog"
      tabIndex={-1}
      aria-label={summary.title}
      dir={summary.dir}
      lang={summary.lang}
    >
      <header class="header">
        {summary.thumbnail && (
          <img
            class="thumbnail"
            src={summary.thumbnail.source}
            alt=""
            width={64}
            height={64}
            referrerpolicy="no-referrer"
          />
        )}
        <div class="heading">
          <h2 class="title">{summary.title}</h2>
          {summary.description && <p class="description">{summary.description}</p>}
        </div>
        {reader && actions.onSubscribe && (
          <button
            type="button"
            class="subscribe"
            aria-pressed={reader.subscribed}
            title={
              reader.subscribed
                ? 'You follow this; new articles about it are collected for you'
                : 'Follow new articles about this'
            }
            onClick={() => actions.onSubscribe?.(!reader.subscribed)}
          >
            {reader.subscribed ? 'Subscribed' : 'Subscribe'}
          </button>
        )}
      </header>
      {original && !original.translated && (
        // Gloss's own words, in its language, on a card in the page's.
        <p class="note" lang="en">
          From {originalWiki}: there is no article on it in your card language.
        </p>
      )}
      {summary.extract && (
        <p class="extract">{firstSentences(summary.extract, EXTRACT_SENTENCES)}</p>
      )}
      {facts.status === 'loading' && <div class="skeleton skeleton-short" aria-hidden="true" />}
      {facts.status === 'ready' && facts.value.length > 0 && (
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
      )}
      {coverage && <CoverageLine coverage={coverage} />}
      <RelatedArticles related={related} />
      {reader?.reading && <InYourReading reading={reader.reading} />}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
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
            title={`The page's name on ${originalWiki}`}
          >
            {original.title} ({originalWiki})
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
      {name && (actions.onNotThis || actions.onUnmark) && (
        <div class="corrections">
          {actions.onNotThis && (
            <button type="button" class="not-this" onClick={actions.onNotThis}>
              Not this?
            </button>
          )}
          {actions.onUnmark && <UnmarkName name={name} onUnmark={actions.onUnmark} />}
        </div>
      )}
    </article>
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
