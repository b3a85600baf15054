import type { ComponentChildren } from 'preact';
import type { Story } from '../core/stories';
import { SearchBox, type SearchResult } from './SearchBox';
import { TopicArticles, type TopicArticle } from './TopicArticles';

/** The switch for the open tab's site; absent where Gloss cannot run (browser pages). */
export interface SiteSwitch {
  host: string;
  enabled: boolean;
}

export interface PopupProps {
  site?: SiteSwitch;
  onSiteToggle: (enabled: boolean) => void;
  /** The search box's state and handlers (its label is the popup's own). */
  search: Omit<Parameters<typeof SearchBox>[0], 'label' | 'autoFocus'>;
  recent: SearchResult[];
  /** What is new for the reader's topics, each story once. */
  stories: Story<TopicArticle>[];
  /** Stories with a telling the reader has not opened. */
  unread: number;
  onOpenStory: (story: Story<TopicArticle>) => void;
  onSettings: () => void;
  /** The open card (its host element), when a result is open. */
  card?: ComponentChildren;
  onBack: () => void;
}

/**
 * The toolbar popup: look anything up (results open the same card as on pages), recent look-ups,
 * what is new for the reader's topics, and Gloss on or off for the open site.
 */
export function PopupView(props: PopupProps) {
  const { site, search, recent, stories, unread, card } = props;
  return (
    <main class="surface popup">
      <header class="popup-header">
        <h1>Gloss</h1>
        {site && (
          <label class="switch">
            <input
              type="checkbox"
              checked={site.enabled}
              onChange={(event) => props.onSiteToggle(event.currentTarget.checked)}
            />
            On {site.host}
          </label>
        )}
      </header>
      <SearchBox label="Look up a person, place or organisation" autoFocus {...search} />
      {card ? (
        <section class="popup-card" aria-label="Card">
          <button type="button" class="link-button" onClick={props.onBack}>
            ← Back to results
          </button>
          {card}
        </section>
      ) : (
        search.query.trim() === '' && (
          <>
            {recent.length > 0 && (
              <section aria-labelledby="recent">
                <h2 id="recent">Recent</h2>
                <ul class="recent">
                  {recent.map((hit) => (
                    <li key={hit.key}>
                      <button type="button" class="link-button" onClick={() => search.onPick(hit)}>
                        {hit.title}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="new-for-topics">
              <h2 id="new-for-topics">
                New for your topics{unread > 0 && <span class="count"> ({unread} unread)</span>}
              </h2>
              <TopicArticles stories={stories} onOpen={props.onOpenStory} />
            </section>
          </>
        )
      )}
      <footer class="popup-footer">
        <button type="button" class="link-button" onClick={props.onSettings}>
          Settings and topics
        </button>
      </footer>
    </main>
  );
}
