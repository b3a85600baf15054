import type { RelatedArticle } from '../core/articles';
import type { Story } from '../core/stories';
import { shortDate } from './dates';

/** An article a topic's poll found, with the topic's name and whether it is still unread. */
export interface TopicArticle extends RelatedArticle {
  id: string;
  topicTitle: string;
  unread: boolean;
}

/**
 * "New for your topics": newest story first, each told once, unread ones marked; opening one marks
 * every telling of it read.
 */
export function TopicArticles({
  stories,
  onOpen,
}: {
  stories: Story<TopicArticle>[];
  onOpen: (story: Story<TopicArticle>) => void;
}) {
  if (stories.length === 0)
    return <p class="muted">Nothing new yet. Follow a topic from a card or from the settings.</p>;
  return (
    <ul class="topic-articles">
      {stories.map((story) => {
        const { lead } = story;
        const unread = story.articles.some((article) => article.unread);
        return (
          <li key={lead.id} class={unread ? 'unread' : undefined}>
            <a
              href={lead.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => onOpen(story)}
            >
              {lead.title}
            </a>
            <span class="muted small">
              {lead.topicTitle} · {lead.domain} · {shortDate(lead.date)}
              {story.outlets.length > 1 && ` · also ${story.outlets.slice(1).join(', ')}`}
              {unread && <span class="visually-hidden"> (new)</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
