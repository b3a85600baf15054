import { browser } from 'wxt/browser';
import { badgeText, POLL_INTERVAL_MINUTES } from '../../core/topics';
import type { PollReport, TopicService } from '../../services/topics';

/** The alarm that wakes the background to check the reader's topics. */
export const POLL_ALARM = 'gloss-poll-topics';

/**
 * Following topics, on the browser's side: an alarm checks them every half hour (the service
 * worker may sleep in between), the toolbar badge counts unread articles, and topics that ask for
 * it raise a notification. Listeners are added at once, as a woken worker requires.
 */
export function followTopics(topics: TopicService) {
  const refreshBadge = async () => {
    const text = badgeText(await topics.unreadCount());
    await browser.action.setBadgeText({ text });
    await browser.action.setBadgeBackgroundColor({ color: '#3366cc' });
  };

  const notify = async (report: PollReport) => {
    // Asked for when the reader first turns a topic's notifications on; without it, none are shown.
    if (
      !browser.notifications ||
      !(await browser.permissions.contains({ permissions: ['notifications'] }))
    )
      return;
    for (const { topic, articles } of report.found) {
      if (!topic.notify) continue;
      await browser.notifications.create(`gloss-${topic.key}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: `${articles.length} new for ${topic.title}`,
        message: articles[0]!.title,
      });
    }
  };

  const poll = async (force: boolean) => {
    const report = await topics.poll(force);
    await refreshBadge();
    await notify(report).catch((error: unknown) =>
      console.warn('Gloss: notification failed', error),
    );
    return report;
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poll(false);
  });
  // Created on every start: the same name replaces the alarm rather than adding another.
  void browser.alarms.create(POLL_ALARM, {
    delayInMinutes: 1,
    periodInMinutes: POLL_INTERVAL_MINUTES,
  });
  void refreshBadge().catch(() => {});

  return { poll, refreshBadge };
}
