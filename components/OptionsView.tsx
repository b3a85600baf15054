import type { ComponentChildren } from 'preact';
import type { Settings } from '../core/settings';
import { TopicList, type TopicRow } from './TopicList';

/** What the options page reports back after an action, by section. */
export interface Notices {
  topics?: string;
  feeds?: string;
  data?: string;
  reading?: string;
}

export interface OptionsProps {
  settings: Settings;
  topics: TopicRow[];
  stats?: { entities: number; aliases: number; facts: number; related: number; bytes?: number };
  notices: Notices;
  /** The search box that finds an entity to follow (the popup's search). */
  entitySearch: ComponentChildren;
  onFollowKeywords: (keywords: string) => void;
  onNotify: (key: string, notify: boolean) => void;
  onRemoveTopic: (key: string) => void;
  onCheckNow: () => void;
  onAddFeed: (url: string) => void;
  onRemoveFeed: (url: string) => void;
  onChange: (changes: Partial<Settings>) => void;
  onClearReading: () => void;
  onClearCache: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
}

const LANGUAGES: Array<[string, string]> = [
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['it', 'Italiano'],
  ['nl', 'Nederlands'],
  ['pl', 'Polski'],
  ['pt', 'Português'],
  ['sv', 'Svenska'],
];

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** "1 card", "3 cards". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A form that hands its one text field to `onSubmit` and empties it. */
function OneField({
  label,
  placeholder,
  button,
  type = 'text',
  onSubmit,
}: {
  label: string;
  placeholder: string;
  button: string;
  type?: string;
  onSubmit: (value: string) => void;
}) {
  return (
    <form
      class="one-field"
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem('value') as HTMLInputElement;
        onSubmit(input.value);
        input.value = '';
      }}
    >
      <input name="value" type={type} aria-label={label} placeholder={placeholder} required />
      <button type="submit">{button}</button>
    </form>
  );
}

/** The options page: topics, feeds, reading, sources, privacy and data. */
export function OptionsView(props: OptionsProps) {
  const { settings, notices, stats } = props;
  return (
    <main class="surface options">
      <h1>Gloss settings</h1>

      <section aria-labelledby="topics">
        <h2 id="topics">Topics</h2>
        <p class="muted">
          Gloss checks each topic for new articles every half hour and counts them on its toolbar
          button.
        </p>
        <TopicList topics={props.topics} onNotify={props.onNotify} onRemove={props.onRemoveTopic} />
        <button type="button" onClick={props.onCheckNow}>
          Check now
        </button>
        <h3>Follow an entity</h3>
        {props.entitySearch}
        <h3>Follow keywords</h3>
        <OneField
          label="Keywords to follow"
          placeholder="rare earths, Mekong dams…"
          button="Follow"
          onSubmit={props.onFollowKeywords}
        />
        <p class="notice" role="status">
          {notices.topics}
        </p>
      </section>

      <section aria-labelledby="feeds">
        <h2 id="feeds">Feeds</h2>
        <p class="muted">
          RSS or Atom feeds of your own: their articles that name an entity join its card, and your
          topics&apos; news.
        </p>
        <ul class="feeds" aria-label="Your feeds">
          {settings.feeds.map((url) => (
            <li key={url}>
              <span class="feed-url">{url}</span>
              <button
                type="button"
                class="small-button"
                aria-label={`Remove the feed ${url}`}
                onClick={() => props.onRemoveFeed(url)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <OneField
          label="Feed address"
          placeholder="https://example.com/feed.xml"
          button="Add feed"
          type="url"
          onSubmit={props.onAddFeed}
        />
        <p class="notice" role="status">
          {notices.feeds}
        </p>
      </section>

      <section aria-labelledby="reading">
        <h2 id="reading">Reading</h2>
        <label class="row">
          Open a card after resting on a name for{' '}
          <select
            aria-label="Hover delay"
            value={String(settings.hoverDelayMs)}
            onChange={(event) =>
              props.onChange({ hoverDelayMs: Number(event.currentTarget.value) })
            }
          >
            <option value="300">0.3 seconds</option>
            <option value="500">0.5 seconds</option>
            <option value="800">0.8 seconds</option>
          </select>
        </label>
        <label class="row">
          Mark names with{' '}
          <select
            aria-label="Mark style"
            value={settings.markStyle}
            onChange={(event) =>
              props.onChange({ markStyle: event.currentTarget.value as Settings['markStyle'] })
            }
          >
            <option value="underline">a dotted underline</option>
            <option value="tint">a light tint</option>
          </select>
        </label>
        <label class="row">
          Mark{' '}
          <select
            aria-label="Names marked"
            value={settings.markMode}
            onChange={(event) =>
              props.onChange({ markMode: event.currentTarget.value as Settings['markMode'] })
            }
          >
            <option value="every">every mention of a name</option>
            <option value="first">only its first mention on a page</option>
          </select>
        </label>
        <h3>Sites where Gloss is off</h3>
        <ul class="sites" aria-label="Sites where Gloss is off">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                class="small-button"
                aria-label={`Turn Gloss back on for ${site}`}
                onClick={() =>
                  props.onChange({
                    disabledSites: settings.disabledSites.filter((entry) => entry !== site),
                  })
                }
              >
                Turn on
              </button>
            </li>
          ))}
        </ul>
        <OneField
          label="Site to turn Gloss off on"
          placeholder="example.com"
          button="Turn off there"
          onSubmit={(site) => {
            const host = site
              .trim()
              .toLowerCase()
              .replace(/^https?:\/\//, '')
              .replace(/\/.*$/, '');
            if (host && !settings.disabledSites.includes(host))
              props.onChange({ disabledSites: [...settings.disabledSites, host] });
          }}
        />
        <p class="notice" role="status">
          {notices.reading}
        </p>
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">Sources</h2>
        <label class="row">
          Wikipedia in{' '}
          <select
            aria-label="Wikipedia language"
            value={settings.wikipediaLang}
            onChange={(event) => props.onChange({ wikipediaLang: event.currentTarget.value })}
          >
            {LANGUAGES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.useGdelt}
            onChange={(event) => props.onChange({ useGdelt: event.currentTarget.checked })}
          />{' '}
          Latest articles from GDELT (your feeds are used either way)
        </label>
      </section>

      <section aria-labelledby="privacy">
        <h2 id="privacy">Privacy</h2>
        <p>
          The text of the pages you read stays on your device. Gloss sends only the names it finds
          to Wikipedia ({settings.wikipediaLang}.wikipedia.org), to learn which are articles. When
          you open a card it asks Wikidata for that entity&apos;s facts
          {settings.useGdelt ? ' and GDELT for the latest articles that name it' : ''}. Your topics
          are checked with the same sources, and your feeds are fetched from their own sites.
          Everything Gloss learns is kept in this browser; nothing is sent anywhere else.
        </p>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.rememberReading}
            onChange={(event) => props.onChange({ rememberReading: event.currentTarget.checked })}
          />{' '}
          Remember the pages where I met a name, for &ldquo;In your reading&rdquo; (on this device
          only)
        </label>
        <button type="button" onClick={props.onClearReading}>
          Clear my reading history
        </button>
      </section>

      <section aria-labelledby="data">
        <h2 id="data">Data</h2>
        <p>
          {stats
            ? `The cache holds ${count(stats.entities, 'card')}, ${count(stats.facts, 'set', 'sets')} of facts, ${count(stats.related, 'article list')} and ${count(stats.aliases, 'looked-up name')}${stats.bytes !== undefined ? ` (Gloss uses ${megabytes(stats.bytes)} in all)` : ''}.`
            : 'Reading the cache…'}
        </p>
        <div class="buttons">
          <button type="button" onClick={props.onClearCache}>
            Clear the cache
          </button>
          <button type="button" onClick={props.onExport}>
            Export settings and topics
          </button>
          <label class="file-button">
            Import…
            <input
              type="file"
              accept="application/json,.json"
              aria-label="Import settings and topics from a file"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) props.onImport(file);
                event.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        <p class="notice" role="status">
          {notices.data}
        </p>
      </section>
    </main>
  );
}
