import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsView, type Notices } from '../../components/OptionsView';
import { SearchBox } from '../../components/SearchBox';
import { Shortcuts, type Shortcut } from '../../components/Shortcuts';
import type { TopicRow } from '../../components/TopicList';
import { MAX_BACKUP_CHARS } from '../../data/backup';
import type { Settings } from '../../core/settings';
import { safeHttpUrl } from '../../core/text';
import { callBackground } from '../../messaging/background';
import type { CacheStats } from '../../messaging/protocol';
import { chosenMeanings, topics as allTopics, unreadTopicArticles } from '../../data/live-reads';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useSearch } from '../../hooks/use-search';
import { useSettings, useSyncStatus } from '../../hooks/use-settings';
import '../../assets/page.css';

/** Where the reader changes an extension's shortcuts in this browser. */
const SHORTCUT_SETTINGS = location.protocol.startsWith('moz')
  ? 'Add-ons and themes, the gear menu, “Manage Extension Shortcuts”'
  : 'chrome://extensions/shortcuts';

/** Saves text as a file the reader downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Options() {
  const settings = useSettings();
  const sync = useSyncStatus();
  const [notices, setNotices] = useState<Notices>({});
  const notice = (part: Partial<Notices>) => setNotices((all) => ({ ...all, ...part }));
  const [stats, setStats] = useState<CacheStats>();
  const refreshStats = () =>
    void callBackground('getStats').then((answer) => answer.ok && setStats(answer.value));
  useEffect(refreshStats, []);

  const topics = useLiveQuery(async () => {
    const [all, unread] = await Promise.all([allTopics(), unreadTopicArticles()]);
    return all.map((topic): TopicRow => ({
      ...topic,
      unread: unread.filter((article) => article.topicKey === topic.key).length,
    }));
  });

  const choices = useLiveQuery(chosenMeanings);
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

  const search = useSearch(
    (hit) => {
      void callBackground('setSubscribed', hit.key, hit.title, true).then((answer) =>
        notice({ topics: answer.ok ? `Following ${hit.title}.` : answer.error }),
      );
      search.onInput('');
    },
    () => search.onInput(''),
  );

  if (!settings) return <main class="surface">Loading settings…</main>;

  const change = async (changes: Partial<Settings>) => {
    const answer = await callBackground('updateSettings', changes);
    notice({ reading: answer.ok ? 'Saved. Pages opened from now on use it.' : answer.error });
  };

  return (
    <OptionsView
      settings={settings}
      browserLanguage={browser.i18n.getUILanguage()}
      topics={topics ?? []}
      choices={choices ?? []}
      onForgetChoice={(choice) =>
        void callBackground('forgetChoice', choice.site, choice.alias).then((answer) =>
          notice({
            reading: answer.ok
              ? `“${choice.alias}” is looked up afresh on ${choice.site}.`
              : answer.error,
          }),
        )
      }
      stats={stats}
      sync={sync}
      notices={notices}
      entitySearch={<SearchBox label="Find an entity to follow" {...search} />}
      shortcuts={<Shortcuts shortcuts={shortcuts} settingsPage={SHORTCUT_SETTINGS} />}
      onFollowKeywords={(keywords) =>
        void callBackground('subscribeQuery', keywords).then((answer) =>
          notice({
            topics: !answer.ok
              ? answer.error
              : answer.value.ok
                ? `Following “${answer.value.value.title}”.`
                : answer.value.error,
          }),
        )
      }
      onNotify={(key, notify) =>
        void (async () => {
          // The permission is asked for here, while the reader's click still counts as a gesture.
          if (notify && !(await browser.permissions.request({ permissions: ['notifications'] }))) {
            notice({ topics: 'Notifications stay off: the browser did not allow them.' });
            return;
          }
          await callBackground('setNotify', key, notify);
        })()
      }
      onRemoveTopic={(key) => void callBackground('unsubscribe', key)}
      onCheckNow={() => {
        notice({ topics: 'Checking your topics…' });
        void callBackground('pollTopics').then((answer) =>
          notice({
            topics: !answer.ok
              ? answer.error
              : answer.value.rateLimited
                ? 'A news source is busy; Gloss will try again later.'
                : `Checked ${answer.value.checked} ${answer.value.checked === 1 ? 'topic' : 'topics'}: ${answer.value.found} new ${answer.value.found === 1 ? 'article' : 'articles'}.`,
          }),
        );
      }}
      onAddFeed={(url) =>
        void (async () => {
          const address = url.trim();
          if (settings.feeds.includes(address))
            return notice({ feeds: 'That feed is already added.' });
          // Reading a feed from the background needs its host's permission: asked for now, while
          // the reader's click still counts as the reason, and for that host alone.
          const host = hostPattern(address);
          if (host)
            notice({
              feeds: `Asking your browser to let Gloss read from ${new URL(address).host}…`,
            });
          if (host && !(await browser.permissions.request({ origins: [host] }).catch(() => false)))
            return notice({
              feeds: `Gloss can read this feed only with your permission for ${new URL(address).host}.`,
            });
          notice({ feeds: 'Reading the feed…' });
          const checked = await callBackground('checkFeed', address);
          if (!checked.ok) return notice({ feeds: checked.error });
          if (!checked.value.ok) return notice({ feeds: checked.value.error });
          await callBackground('updateSettings', { feeds: [...settings.feeds, address] });
          notice({
            feeds: `Added “${checked.value.value.title}” (${checked.value.value.articles} articles now).`,
          });
        })()
      }
      onRemoveFeed={(url) => {
        const left = settings.feeds.filter((feed) => feed !== url);
        const host = hostPattern(url);
        // The host's permission goes with its last feed.
        if (host && !left.some((feed) => hostPattern(feed) === host))
          void browser.permissions.remove({ origins: [host] }).catch(() => false);
        void change({ feeds: left }).then(() => notice({ feeds: 'Feed removed.' }));
      }}
      onChange={(changes) => void change(changes)}
      confirmForgetReading={() =>
        confirm(
          'Turn off "In your reading"? The pages Gloss remembered for it are deleted from this browser.',
        )
      }
      onClearReading={() =>
        void callBackground('clearReading').then(() =>
          notice({ reading: 'Your reading history is cleared.' }),
        )
      }
      onClearCache={() =>
        void callBackground('clearCache').then(() => {
          refreshStats();
          notice({ data: 'The cache is empty; cards will be fetched again when you look.' });
        })
      }
      onExport={() =>
        void callBackground('exportData').then((answer) => {
          if (!answer.ok) return notice({ data: answer.error });
          download('gloss-backup.json', answer.value);
          notice({ data: 'Exported to gloss-backup.json.' });
        })
      }
      onImport={(file) =>
        void (async () => {
          // Sized before it is read (a character is at most 3 bytes here): a huge file is refused
          // without loading it into memory.
          if (file.size > MAX_BACKUP_CHARS * 3)
            return notice({
              data: 'Nothing was imported. This file is too large to be a Gloss backup.',
            });
          const answer = await callBackground('importData', await file.text());
          notice({
            data: !answer.ok
              ? answer.error
              : answer.value.ok
                ? `Imported ${answer.value.value.topics} topics and ${answer.value.value.choices} choices, and the settings.`
                : `Nothing was imported. ${answer.value.error}`,
          });
        })()
      }
    />
  );
}

render(<Options />, document.getElementById('app')!);

/** The match pattern for a feed's host ("https://news.example/*"), or undefined for no web address. */
function hostPattern(url: string): string | undefined {
  const address = safeHttpUrl(url);
  if (!address) return undefined;
  // A match pattern names no port: it covers the host on every port.
  const { protocol, hostname } = new URL(address);
  return `${protocol}//${hostname}/*`;
}
