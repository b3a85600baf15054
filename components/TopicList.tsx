import { dateAndTime } from './dates';

/** A followed topic as the options page lists it. */
export interface TopicRow {
  key: string;
  kind: 'entity' | 'query';
  title: string;
  notify: boolean;
  lastCheckedAt?: number;
  lastError?: string;
  unread: number;
}

/** The reader's topics: when each was last checked, what is new, notifications, and remove. */
export function TopicList({
  topics,
  onNotify,
  onRemove,
}: {
  topics: TopicRow[];
  onNotify: (key: string, notify: boolean) => void;
  onRemove: (key: string) => void;
}) {
  if (topics.length === 0)
    return <p class="muted">No topics yet. Follow one below, or with Subscribe on any card.</p>;
  return (
    <ul class="topics" aria-label="Your topics">
      {topics.map((topic) => (
        <li key={topic.key} class="topic">
          <div class="topic-main">
            <span class="topic-title">{topic.title}</span>
            <span class="muted small">
              {topic.kind === 'query' ? 'Keywords' : 'Entity'} ·{' '}
              {topic.lastCheckedAt
                ? `checked ${dateAndTime(topic.lastCheckedAt)}`
                : 'not checked yet'}{' '}
              · {topic.unread} new
            </span>
            {topic.lastError && (
              <span class="problem small" role="note">
                {topic.lastError}
              </span>
            )}
          </div>
          <label class="small">
            <input
              type="checkbox"
              checked={topic.notify}
              onChange={(event) => onNotify(topic.key, event.currentTarget.checked)}
            />{' '}
            Notify
          </label>
          <button
            type="button"
            class="small-button"
            aria-label={`Stop following ${topic.title}`}
            onClick={() => onRemove(topic.key)}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
