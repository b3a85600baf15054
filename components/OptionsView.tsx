import type { ComponentChildren } from 'preact';
import { cardWiki, HOVER_DELAYS_MS, type Settings } from '../core/settings';
import { languageName } from '../core/stories';
import { WIKIPEDIAS } from '../core/wikis';
import type { SyncStatus } from '../core/sync';
import { TopicList, type TopicRow } from './TopicList';
import { ChosenMeanings, type ChosenMeaning } from './ChosenMeanings';
import { UnmarkedNames } from './UnmarkedNames';

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
  /** The meanings the reader chose for names, per site. */
  choices: ChosenMeaning[];
  onForgetChoice: (choice: ChosenMeaning) => void;
  stats?: { entities: number; aliases: number; facts: number; related: number; bytes?: number };
  /** How the last sync went (null before the first). */
  sync: SyncStatus | null;
  notices: Notices;
  /** The search box that finds an entity to follow (the popup's search). */
  entitySearch: ComponentChildren;
  /** The keyboard shortcuts' section (the browser reports them). */
  shortcuts: ComponentChildren;
  onFollowKeywords: (keywords: string) => void;
  onNotify: (key: string, notify: boolean) => void;
  onRemoveTopic: (key: string) => void;
  onCheckNow: () => void;
  onAddFeed: (url: string) => void;
  onRemoveFeed: (url: string) => void;
  onChange: (changes: Partial<Settings>) => void;
  /** The browser's own language (a BCP 47 tag), which cards follow unless the reader picks one. */
  browserLanguage: string;
  /** Asks the reader to confirm that turning "In your reading" off deletes it; answers yes or no. */
  confirmForgetReading: () => boolean;
  onClearReading: () => void;
  onClearCache: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1_000)} kB`;

/** What syncing does, and how it last went, in the reader's words. */
function syncText(sync: SyncStatus | null): string {
  const what =
    'Your settings, topics and meaning choices follow you to your other browsers signed in to the same account; reading history and the cache stay on this one.';
  if (sync?.state === 'full')
    return `They no longer fit in the browser's sync space (${kilobytes(sync.bytes)} of ${kilobytes(sync.limit)}), so they are kept on this browser only. Follow fewer topics, or move them with Export.`;
  if (sync?.state === 'failed')
    return `${what} The last sync failed (${sync.detail}); everything is kept here, and Gloss tries again at the next change.`;
  return what;
}

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

/** A labelled drop-down list: the sentence it completes, and its choices as [value, text]. */
function SelectRow(props: {
  text: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [value: string, text: string]>;
  onChange: (value: string) => void;
}) {
  return (
    <label class="row">
      {props.text}{' '}
      <select
        aria-label={props.label}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The options page: topics, feeds, reading, sources, privacy and data. */
export function OptionsView(props: OptionsProps) {
  const { settings, notices, stats } = props;
  const cardLanguageName = languageName(cardWiki(settings, props.browserLanguage));
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
          topics&apos; news. Adding one asks your browser to let Gloss read from that site (and only
          that site); removing its last feed gives the permission back.
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
        <SelectRow
          text="Open a card after resting on a name for"
          label="Hover delay"
          value={String(settings.hoverDelayMs)}
          options={[...HOVER_DELAYS_MS.map((ms) => [String(ms), `${ms / 1000} seconds`] as const)]}
          onChange={(value) => props.onChange({ hoverDelayMs: Number(value) })}
        />
        <SelectRow
          text="Mark names with"
          label="Mark style"
          value={settings.markStyle}
          options={[
            ['underline', 'a dotted underline'],
            ['tint', 'a light tint'],
          ]}
          onChange={(value) => props.onChange({ markStyle: value as Settings['markStyle'] })}
        />
        <SelectRow
          text="Mark"
          label="Names marked"
          value={settings.markMode}
          options={[
            ['every', 'every mention of a name'],
            ['first', 'only its first mention on a page'],
          ]}
          onChange={(value) => props.onChange({ markMode: value as Settings['markMode'] })}
        />
        <h3>Meanings you chose</h3>
        <ChosenMeanings choices={props.choices} onForget={props.onForgetChoice} />
        <h3>Names Gloss does not mark</h3>
        <UnmarkedNames
          names={settings.unmarkedNames}
          onRemove={(unmarkedNames) => props.onChange({ unmarkedNames })}
        />
        <h3>Sites where Gloss is off</h3>
        <SiteList
          label="Sites where Gloss is off"
          sites={settings.disabledSites}
          button="Turn on"
          buttonLabel={(site) => `Turn Gloss back on for ${site}`}
          onRemove={(disabledSites) => props.onChange({ disabledSites })}
        />
        <p>
          Gloss also stays off on private addresses (this computer, your local network) unless you
          turn it on there from the toolbar button.
        </p>
        {settings.enabledSites.length > 0 && (
          <SiteList
            label="Private addresses where Gloss is on"
            sites={settings.enabledSites}
            button="Turn off"
            buttonLabel={(site) => `Turn Gloss off again for ${site}`}
            onRemove={(enabledSites) => props.onChange({ enabledSites })}
          />
        )}
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
        <SelectRow
          text="Cards in"
          label="Card language"
          value={settings.cardLanguage}
          options={[
            [
              '',
              `My browser's language (${languageName(cardWiki({ cardLanguage: '' }, props.browserLanguage))})`,
            ],
            ...WIKIPEDIAS,
          ]}
          onChange={(value) => props.onChange({ cardLanguage: value })}
        />
        <p class="muted">
          Names are looked up on the Wikipedia of the page&apos;s own language, and their cards
          shown from this one&apos;s article on the same subject (or the page language&apos;s, with
          a note, where it has none).
        </p>
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
          to Wikipedia (in the page&apos;s language, or {cardLanguageName}), to learn which are
          articles, and asks Wikidata which article is the same subject in {cardLanguageName}. When
          you open a card it asks Wikidata for that entity&apos;s facts
          {settings.useGdelt ? ' and GDELT for the latest articles that name it' : ''}. Your topics
          are checked with the same sources, and your feeds are fetched from their own sites.
          Everything Gloss learns is kept in this browser; nothing is sent anywhere else.
        </p>
        <label class="row">
          <input
            type="checkbox"
            checked={settings.rememberReading}
            onChange={(event) => {
              const box = event.currentTarget;
              // Off deletes what was kept: only once the reader has said yes.
              if (!box.checked && !props.confirmForgetReading()) {
                box.checked = true;
                return;
              }
              props.onChange({ rememberReading: box.checked });
            }}
          />{' '}
          Remember the pages where I met a name, for &ldquo;In your reading&rdquo; (on this device
          only)
        </label>
        <button type="button" onClick={props.onClearReading}>
          Clear my reading history
        </button>
      </section>

      {props.shortcuts}

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
        <p class="muted" id="sync-status" role="status">
          {syncText(props.sync)}
        </p>
      </section>
    </main>
  );
}

/** A list of sites, each with a button that takes it off the list; answers the list without it. */
function SiteList(props: {
  label: string;
  sites: string[];
  button: string;
  buttonLabel: (site: string) => string;
  onRemove: (rest: string[]) => void;
}) {
  return (
    <ul class="sites" aria-label={props.label}>
      {props.sites.map((site) => (
        <li key={site}>
          {site}{' '}
          <button
            type="button"
            class="small-button"
            aria-label={props.buttonLabel(site)}
            onClick={() => props.onRemove(props.sites.filter((entry) => entry !== site))}
          >
            {props.button}
          </button>
        </li>
      ))}
    </ul>
  );
}
