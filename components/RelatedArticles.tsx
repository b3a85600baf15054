import { Fragment } from 'preact';
import type { NewsView } from '../core/news-view';
import { languageName, readerLanguageFirst, type Story } from '../core/stories';
import { shortDate } from './dates';

/**
 * The card's latest stories, those in the reader's language first, newest first: each told once by
 * its newest headline, with where and when it appeared (and in which language, when not the
 * reader's), and who else told it (each outlet a link to its telling), in which countries and
 * languages.
 */
export function RelatedArticles({
  news,
  readerLanguage = languageName(navigator.language),
}: {
  news: NewsView;
  /** The reader's language as GDELT names languages ("English"). */
  readerLanguage?: string;
}) {
  const { stories, notes } = news;
  if (news.off) return null;
  if (news.empty) return <p class="related-note">No articles about this in the past week.</p>;
  return (
    <section
      class="related"
      aria-label="Latest articles"
      aria-busy={news.loading || undefined}
      aria-live="polite"
    >
      {stories.length > 0 && <h3 class="related-title">Latest articles</h3>}
      {stories.length === 0 && news.loading && <div class="skeleton" aria-hidden="true" />}
      {stories.length > 0 && <StoryList stories={stories} readerLanguage={readerLanguage} />}
      {notes.map((note) => (
        <p key={note.source} class={`related-note news-${note.kind}`}>
          {note.text}
        </p>
      ))}
    </section>
  );
}

/** The stories, those in the reader's language first. */
function StoryList({ stories, readerLanguage }: { stories: Story[]; readerLanguage: string }) {
  return (
    <ul>
      {readerLanguageFirst(stories, readerLanguage).map((story) => (
        <li key={story.lead.url}>
          <a href={story.lead.url} target="_blank" rel="noopener noreferrer">
            {story.lead.title}
          </a>
          <span class="related-source">
            {story.lead.domain} · {shortDate(story.lead.date)}
            {story.lead.sourceCountry && ` · ${story.lead.sourceCountry}`}
            {story.lead.language &&
              story.lead.language !== readerLanguage &&
              ` · ${story.lead.language}`}
          </span>
          {story.outlets.length > 1 && <AlsoTold story={story} />}
        </li>
      ))}
    </ul>
  );
}

/** "Also told by": the story's other outlets, and its countries and languages when several. */
function AlsoTold({ story }: { story: Story }) {
  const others = story.outlets
    .slice(1)
    .map((outlet) => story.articles.find((article) => article.domain === outlet)!);
  const where = [
    ...(story.countries.length > 1 ? [story.countries.join(', ')] : []),
    ...(story.languages.length > 1 ? [story.languages.join(', ')] : []),
  ];
  return (
    <span class="related-also">
      Also told by{' '}
      {others.map((article, index) => (
        <Fragment key={article.url}>
          {index > 0 && ', '}
          <a href={article.url} target="_blank" rel="noopener noreferrer" title={article.title}>
            {article.domain}
          </a>
        </Fragment>
      ))}
      {where.length > 0 && ` · ${where.join(' · ')}`}
    </span>
  );
}
