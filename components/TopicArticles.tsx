import type { RelatedArticle } from '../core/articles';
import { shortDate } from './dates';

/** An article a topic's poll found, with the topic's name and whether it is still unread. */
export interface TopicArticle extends RelatedArticle {
  id: string;
  topicTitle: string;
  unread: boolean;
}

/** "New for your topics": newest first, unread ones marked; opening one marks it read. */
export function TopicArticles({
  articles,
  onOpen,
}: {
  articles: TopicArticle[];
  onOpen: (article: TopicArticle) => void;
}) {
  if (articles.length === 0)
    return <p class="muted">Nothing new yet. Follow a topic from a card or from the settings.</p>;
  return (
    <ul class="topic-articles">
      {articles.map((article) => (
        <li key={article.id} class={article.unread ? 'unread' : undefined}>
          <a
            href={article.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => onOpen(article)}
          >
            {article.title}
          </a>
          <span class="muted small">
            {article.topicTitle} · {article.domain} · {shortDate(article.date)}
            {article.unread && <span class="visually-hidden"> (new)</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
