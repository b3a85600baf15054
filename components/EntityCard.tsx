import type { EntitySummary } from '../core/entity';
import type { RelatedArticle } from '../core/articles';
import type { Fact } from '../core/facts';
import { firstSentences } from '../core/text';

/** The key facts' part of a card: still coming, here, or not to be had (the card shows the rest). */
export type FactsState =
  { status: 'loading' } | { status: 'ready'; facts: Fact[] } | { status: 'unavailable' };

/** The latest articles' part of a card. */
export type RelatedState =
  | { status: 'loading' }
  | { status: 'ready'; articles: RelatedArticle[] }
  | { status: 'unavailable'; message: string };

/** What a card can be showing. */
export type CardState =
  | { status: 'loading'; name: string }
  | { status: 'ready'; summary: EntitySummary; facts?: FactsState; related?: RelatedState }
  | { status: 'error'; name: string; message: string };

/** Sentences of the extract a card shows: enough to place a name, short enough to read at a glance. */
const EXTRACT_SENTENCES = 3;

/** The hover card: who or what a name is, in a few lines, with the way to read more. */
export function EntityCard({ state, onRetry }: { state: CardState; onRetry?: () => void }) {
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
  if (state.status === 'error') {
    return (
      <article class="card" role="dialog" tabIndex={-1} aria-label={state.name}>
        <h2 class="title">{state.name}</h2>
        <p class="error" role="alert">
          {state.message}
        </p>
        {onRetry && (
          <button type="button" class="retry" onClick={onRetry}>
            Try again
          </button>
        )}
      </article>
    );
  }
  const { summary, facts, related } = state;
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
        <div>
          <h2 class="title">{summary.title}</h2>
          {summary.description && <p class="description">{summary.description}</p>}
        </div>
      </header>
      {summary.extract && (
        <p class="extract">{firstSentences(summary.extract, EXTRACT_SENTENCES)}</p>
      )}
      {facts?.status === 'loading' && <div class="skeleton skeleton-short" aria-hidden="true" />}
      {facts?.status === 'ready' && facts.facts.length > 0 && (
        <dl class="facts" aria-label="Key facts">
          {facts.facts.map((fact) => (
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
      {related && <RelatedArticles related={related} />}
      <footer class="footer">
        <a href={summary.pageUrl} target="_blank" rel="noopener noreferrer">
          Read on Wikipedia
        </a>
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
    </article>
  );
}

// In the reader's own locale: "Nov 27" or "27 Nov".
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** The card's latest articles: newest first, with where and when each appeared. */
function RelatedArticles({ related }: { related: RelatedState }) {
  if (related.status === 'loading') return <div class="skeleton" aria-hidden="true" />;
  if (related.status === 'unavailable') return <p class="related-note">{related.message}</p>;
  if (related.articles.length === 0)
    return <p class="related-note">No articles about this in the past week.</p>;
  return (
    <section class="related" aria-label="Latest articles">
      <h3 class="related-title">Latest articles</h3>
      <ul>
        {related.articles.map((article) => (
          <li key={article.url}>
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {article.title}
            </a>
            <span class="related-source">
              {article.domain} · {dateFormat.format(new Date(article.date))}
              {article.sourceCountry && ` · ${article.sourceCountry}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
