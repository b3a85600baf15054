import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView } from '../../components/OptionsView';
import { SearchBox } from '../../components/SearchBox';
import { Shortcuts, type Shortcut } from '../../components/Shortcuts';
import type { TopicRow } from '../../components/TopicList';
import { chosenMeanings, topics as allTopics, unreadTopicArticles } from '../../data/live-reads';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useOptionsActions } from '../../hooks/use-options-actions';
import { useSearch } from '../../hooks/use-search';
import { useSettings, useSyncStatus } from '../../hooks/use-settings';
import '../../assets/page.css';

/** Where the reader changes an extension's shortcuts in this browser. */
const SHORTCUT_SETTINGS = location.protocol.startsWith('moz')
  ? 'Add-ons and themes, the gear menu, “Manage Extension Shortcuts”'
  : 'chrome://extensions/shortcuts';

/** The topics with how many of each one's articles are unread, kept current. */
function useTopicRows(): TopicRow[] {
  const rows = useLiveQuery(async () => {
    const [all, unread] = await Promise.all([allTopics(), unreadTopicArticles()]);
    return all.map((topic): TopicRow => ({
      ...topic,
      unread: unread.filter((article) => article.topicKey === topic.key).length,
    }));
  });
  return rows ?? [];
}

/** The keyboard shortcuts as the browser has them now. */
function useShortcuts(): Shortcut[] {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(
      (commands) =>
        setShortcuts(
          commands.map(({ name = '', description = '', shortcut = '' }) => ({
            name,
            description,
            shortcut,
          })),
        ),
      () => setShortcuts([]),
    );
  }, []);
  return shortcuts;
}

function Options() {
  const settings = useSettings();
  const sync = useSyncStatus();
  const topics = useTopicRows();
  const choices = useLiveQuery(chosenMeanings) ?? [];
  const shortcuts = useShortcuts();
  const { notices, stats, followEntity, actions } = useOptionsActions(settings);
  const search = useSearch(
    (hit) => {
      followEntity(hit);
      search.onInput('');
    },
    () => search.onInput(''),
  );

  if (!settings || !actions) return <main class="surface">Loading settings…</main>;
  return (
    <OptionsView
      settings={settings}
      browserLanguage={browser.i18n.getUILanguage()}
      topics={topics}
      choices={choices}
      stats={stats}
      sync={sync}
      notices={notices}
      entitySearch={<SearchBox label="Find an entity to follow" {...search} />}
      shortcuts={<Shortcuts shortcuts={shortcuts} settingsPage={SHORTCUT_SETTINGS} />}
      {...actions}
    />
  );
}

render(<Options />, document.getElementById('app')!);
