import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ChosenMeaning } from '../components/ChosenMeanings';
import type { Notices } from '../components/OptionsView';
import type { Settings } from '../core/settings';
import { countOf, safeHttpUrl } from '../core/text';
import { MAX_BACKUP_CHARS } from '../data/backup';
import { callBackground } from '../messaging/background';
import type { CacheStats } from '../messaging/protocol';

/** Says how an action went, in its section of the page. */
type Notice = (part: Partial<Notices>) => void;

/** The match pattern for a feed's host ("https://news.example/*"), or undefined for no web address. */
function hostPattern(url: string): string | undefined {
  const address = safeHttpUrl(url);
  if (!address) return undefined;
  // A match pattern names no port: it covers the host on every port.
  const { protocol, hostname } = new URL(address);
  return `${protocol}//${hostname}/*`;
}

/** Saves text as a file the reader downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function topicActions(notice: Notice) {
  return {
    onFollowKeywords: (keywords: string) =>
      void callBackground('subscribeQuery', keywords).then((answer) =>
        notice({
          topics: !answer.ok
            ? answer.error
            : answer.value.ok
              ? `Following “${answer.value.value.title}”.`
              : answer.value.error,
        }),
      ),
    onNotify: (key: string, notify: boolean) =>
      void (async () => {
        // The permission is asked for here, while the reader's click still counts as a gesture.
        if (notify && !(await browser.permissions.request({ permissions: ['notifications'] }))) {
          notice({ topics: 'Notifications stay off: the browser did not allow them.' });
          return;
        }
        await callBackground('setNotify', key, notify);
      })(),
    onRemoveTopic: (key: string) => void callBackground('unsubscribe', key),
    onCheckNow: () => {
      notice({ topics: 'Checking your topics…' });
      void callBackground('pollTopics').then((answer) =>
        notice({
          topics: !answer.ok
            ? answer.error
            : answer.value.rateLimited
              ? 'A news source is busy; Gloss will try again later.'
              : `Checked ${countOf(answer.value.checked, 'topic')}: ${countOf(answer.value.found, 'new article')}.`,
        }),
      );
    },
  };
}

/** Adds a feed once the browser allows reading its site and Gloss could read it. */
async function addFeed(url: string, feeds: readonly string[], notice: Notice): Promise<void> {
  const address = url.trim();
  if (feeds.includes(address)) return notice({ feeds: 'That feed is already added.' });
  // Reading a feed from the background needs its host's permission: asked for now, while the
  // reader's click still counts as the reason, and for that host alone.
  const host = hostPattern(address);
  if (host)
    notice({ feeds: `Asking your browser to let Gloss read from ${new URL(address).host}…` });
  if (host && !(await browser.permissions.request({ origins: [host] }).catch(() => false)))
    return notice({
      feeds: `Gloss can read this feed only with your permission for ${new URL(address).host}.`,
    });
  notice({ feeds: 'Reading the feed…' });
  const checked = await callBackground('checkFeed', address);
  if (!checked.ok) return notice({ feeds: checked.error });
  if (!checked.value.ok) return notice({ feeds: checked.value.error });
  await callBackground('updateSettings', { feeds: [...feeds, address] });
  const { title, articles } = checked.value.value;
  notice({ feeds: `Added “${title}” (${articles} articles now).` });
}

function feedActions(
  settings: Settings,
  notice: Notice,
  change: (c: Partial<Settings>) => Promise<void>,
) {
  return {
    onAddFeed: (url: string) => void addFeed(url, settings.feeds, notice),
    onRemoveFeed: (url: string) => {
      const left = settings.feeds.filter((feed) => feed !== url);
      const host = hostPattern(url);
      // The host's permission goes with its last feed, unless Google News, which shares it, is on.
      const stillNeeded =
        left.some((feed) => hostPattern(feed) === host) ||
        (settings.useGoogleNews && GOOGLE_NEWS_HOSTS.includes(host ?? ''));
      if (host && !stillNeeded)
        void browser.permissions.remove({ origins: [host] }).catch(() => false);
      void change({ feeds: left }).then(() => notice({ feeds: 'Feed removed.' }));
    },
  };
}

/** Google News' feeds send no CORS headers: reading them takes the reader's leave for its host. */
const GOOGLE_NEWS_HOSTS = ['https://news.google.com/*'];

/**
 * A change of settings; turning Google News on first asks the browser for its host, while the
 * reader's click still counts as a gesture, and turning it off gives the host back.
 */
async function changeSources(
  changes: Partial<Settings>,
  feeds: readonly string[],
  notice: Notice,
  change: (c: Partial<Settings>) => Promise<void>,
) {
  if (changes.useGoogleNews === true) {
    const allowed = await browser.permissions
      .request({ origins: GOOGLE_NEWS_HOSTS })
      .catch(() => false);
    if (!allowed)
      return notice({
        sources:
          'Google News stays off: Gloss can read it only with your leave for news.google.com.',
      });
  }
  // A feed of the reader's own from Google News still needs the host.
  const feedNeedsIt = feeds.some((feed) => GOOGLE_NEWS_HOSTS.includes(hostPattern(feed) ?? ''));
  if (changes.useGoogleNews === false && !feedNeedsIt)
    void browser.permissions.remove({ origins: GOOGLE_NEWS_HOSTS }).catch(() => false);
  await change(changes);
}

function readingActions(
  settings: Settings,
  notice: Notice,
  change: (c: Partial<Settings>) => Promise<void>,
) {
  return {
    onChange: (changes: Partial<Settings>) =>
      void changeSources(changes, settings.feeds, notice, change),
    onForgetChoice: (choice: ChosenMeaning) =>
      void callBackground('forgetChoice', choice.site, choice.alias).then((answer) =>
        notice({
          reading: answer.ok
            ? `“${choice.alias}” is looked up afresh on ${choice.site}.`
            : answer.error,
        }),
      ),
    confirmForgetReading: () =>
      confirm(
        'Turn off "In your reading"? The pages Gloss remembered for it are deleted from this browser.',
      ),
    onClearReading: () =>
      void callBackground('clearReading').then(() =>
        notice({ reading: 'Your reading history is cleared.' }),
      ),
  };
}

/** Restores a backup file, refusing one too large to be Gloss's without reading it. */
async function importFile(file: File, notice: Notice): Promise<void> {
  // Sized before it is read (a character is at most 3 bytes here).
  if (file.size > MAX_BACKUP_CHARS * 3)
    return notice({ data: 'Nothing was imported. This file is too large to be a Gloss backup.' });
  const answer = await callBackground('importData', await file.text());
  notice({
    data: !answer.ok
      ? answer.error
      : answer.value.ok
        ? `Imported ${answer.value.value.topics} topics and ${answer.value.value.choices} choices, and the settings.`
        : `Nothing was imported. ${answer.value.error}`,
  });
}

function dataActions(notice: Notice, refreshStats: () => void) {
  return {
    onClearCache: () =>
      void callBackground('clearCache').then(() => {
        refreshStats();
        notice({ data: 'The cache is empty; cards will be fetched again when you look.' });
      }),
    onExport: () =>
      void callBackground('exportData').then((answer) => {
        if (!answer.ok) return notice({ data: answer.error });
        download('gloss-backup.json', answer.value);
        notice({ data: 'Exported to gloss-backup.json.' });
      }),
    onImport: (file: File) => void importFile(file, notice),
  };
}

/**
 * What the options page does, each action through the background, and what it says of each
 * (by section), with the cache's figures.
 */
export function useOptionsActions(settings: Settings | undefined) {
  const [notices, setNotices] = useState<Notices>({});
  const notice: Notice = (part) => setNotices((all) => ({ ...all, ...part }));
  const [stats, setStats] = useState<CacheStats>();
  const refreshStats = () =>
    void callBackground('getStats').then((answer) => answer.ok && setStats(answer.value));
  useEffect(refreshStats, []);
  const change = async (changes: Partial<Settings>) => {
    const answer = await callBackground('updateSettings', changes);
    notice({ reading: answer.ok ? 'Saved. Pages opened from now on use it.' : answer.error });
  };
  const followEntity = (hit: { key: string; title: string }) =>
    void callBackground('setSubscribed', hit.key, hit.title, true).then((answer) =>
      notice({ topics: answer.ok ? `Following ${hit.title}.` : answer.error }),
    );
  return {
    notices,
    stats,
    followEntity,
    actions: settings && {
      ...topicActions(notice),
      ...feedActions(settings, notice, change),
      ...readingActions(settings, notice, change),
      ...dataActions(notice, refreshStats),
    },
  };
}
