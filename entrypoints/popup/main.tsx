import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView, type SiteSwitch } from '../../components/PopupView';
import type { SearchResult } from '../../components/SearchBox';
import type { TopicArticle } from '../../components/TopicArticles';
import { groupStories } from '../../core/stories';
import { isEnabledOn, switchSite } from '../../core/settings';
import { callBackground } from '../../messaging/background';
import type { PageRequest, PageSite } from '../../messaging/protocol';
import { latestTopicArticles, recentLookups, topics as allTopics } from '../../data/live-reads';
import { ShadowCard } from '../../components/ShadowCard';
import { useCard } from '../../hooks/use-card';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useSearch } from '../../hooks/use-search';
import { useSettings } from '../../hooks/use-settings';
import '../../assets/page.css';

/**
 * The tab the popup acts on (the one given as `?tab=` when opened as a page, else the active one)
 * and its site, as Gloss's script in it says: where there is none (a browser page), no switch.
 */
async function targetTab(): Promise<{ id: number; host: string } | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  const id = given || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (!id) return undefined;
  const ask: PageRequest = { to: 'page', ask: 'site' };
  const answer = (await browser.tabs.sendMessage(id, ask).catch(() => undefined)) as
    Partial<PageSite> | undefined;
  return typeof answer?.host === 'string' && answer.host ? { id, host: answer.host } : undefined;
}

function Popup() {
  const settings = useSettings();
  const [tab, setTab] = useState<{ id: number; host: string }>();
  useEffect(() => void targetTab().then(setTab, () => setTab(undefined)), []);

  const [open, setOpen] = useState<SearchResult>();
  const pick = (hit: SearchResult) => {
    setOpen(hit);
    void callBackground('recordLookup', hit);
  };
  const search = useSearch(pick, () => window.close());

  const card = useCard(open);
  const recent = useLiveQuery(() => recentLookups(5)) ?? [];
  const articles = useLiveQuery(async () => {
    const [rows, topics] = await Promise.all([latestTopicArticles(30), allTopics()]);
    const titles = new Map(topics.map((topic) => [topic.key, topic.title]));
    // Newest first by the articles' own dates, whichever round found them.
    rows.sort((a, b) => b.date.localeCompare(a.date));
    return rows.map((row): TopicArticle => ({
      ...row,
      topicTitle: titles.get(row.topicKey) ?? '',
      unread: row.unread === 1,
    }));
  });
  // Each story once, however many outlets (or topics) brought it.
  const stories = useMemo(() => groupStories(articles ?? [], '', Infinity), [articles]);
  const unread = stories.filter((story) => story.articles.some((article) => article.unread)).length;

  const site: SiteSwitch | undefined =
    tab && settings ? { host: tab.host, enabled: isEnabledOn(tab.host, settings) } : undefined;
  const onSiteToggle = async (enabled: boolean) => {
    if (!tab || !settings) return;
    await callBackground('updateSettings', switchSite(settings, tab.host, enabled));
    // The open tab follows at once: its marks go, or come back.
    const request: PageRequest = { to: 'page', enabled, host: tab.host };
    await browser.tabs.sendMessage(tab.id, request).catch(() => {});
  };

  return (
    <PopupView
      site={site}
      onSiteToggle={(enabled) => void onSiteToggle(enabled)}
      search={{
        ...search,
        onInput: (text) => {
          setOpen(undefined);
          search.onInput(text);
        },
        // Esc steps back: from the card to the results, then clears the search, then closes.
        onKeyDown: (event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            setOpen(undefined);
          } else search.onKeyDown(event);
        },
      }}
      recent={recent}
      stories={stories}
      unread={unread}
      onOpenStory={(story) =>
        void callBackground(
          'markRead',
          story.articles.map((article) => article.id),
        )
      }
      onSettings={() => void browser.runtime.openOptionsPage()}
      card={card && <ShadowCard state={card[0]} actions={card[1]} />}
      onBack={() => setOpen(undefined)}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
