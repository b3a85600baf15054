import type { SyncStatus } from '../../core/sync';
import { countOf } from '../../core/text';
import type { OptionsProps } from '../OptionsView';
import { Notice, Section } from './fields';

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

/** The cache's size and emptying it, backups, and how syncing goes. */
export function DataSection(
  props: Pick<
    OptionsProps,
    'stats' | 'sync' | 'notices' | 'onClearCache' | 'onExport' | 'onImport'
  >,
) {
  const { stats, notices } = props;
  return (
    <Section id="data" title="Data">
      <p>
        {stats
          ? `The cache holds ${countOf(stats.entities, 'card')}, ${countOf(stats.facts, 'set', 'sets')} of facts, ${countOf(stats.related, 'article list')} and ${countOf(stats.aliases, 'looked-up name')}${stats.bytes !== undefined ? ` (Gloss uses ${megabytes(stats.bytes)} in all)` : ''}.`
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
      <Notice text={notices.data} />
      <p class="muted" id="sync-status" role="status">
        {syncText(props.sync)}
      </p>
    </Section>
  );
}
