import type { RelatedArticle } from '../core/articles';
import type { Part } from '../core/card';
import { shortDate } from './dates';

/** The card's latest articles: newest first, with where and when each appeared. */
export function RelatedArticles({ related }: { related: Part<RelatedArticle[]> }) {
  if (related.status === 'idle') return null;
  if (related.status === 'loading') return <div class="skeleton" aria-hidden="true" />;
  if (related.status === 'unavailable') return <p class="related-note">{related.message}</p>;
  if (related.value.length === 0)
    return <p class="related-note">No articles about this in the past week.</p>;
  return (
    <section class="related" aria-label="Latest articles">
      <h3 class="related-title">Latest articles</h3>
      <ul>
        {related.value.map((article) => (
          <li key={article.url}>
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {article.title}
            </a>
            <span class="related-source">
              {article.domain} · {shortDate(article.date)}
              {article.sourceCountry && ` · ${article.sourceCountry}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
