import { browser } from 'wxt/browser';
import { badgeText, POLL_INTERVAL_MINUTES } from '../../core/topic-schedule';
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

  /** Tells of one topic's new articles: the badge at once, a notification when the topic asks. */
  const tell = async ({ topic, articles }: PollReport['found'][number]) => {
    await refreshBadge();
    // Asked for when the reader first turns a topic's notifications on; without it, none are shown.
    if (
      !topic.notify ||
      !browser.notifications ||
      !(await browser.permissions.contains({ permissions: ['notifications'] }))
    )
      return;
    await browser.notifications.create(`gloss-${topic.key}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `${articles.length} new for ${topic.title}`,
      message: articles[0]!.title,
    });
  };

  // Rounds never overlap: a round asked for while one runs starts when it ends.
  let round: Promise<PollReport> | undefined;
  const poll = (force: boolean): Promise<PollReport> => {
    const previous = round;
    const next = (async () => {
      await previous?.catch(() => undefined);
      const report = await topics.poll(force, tell);
      await refreshBadge();
      return report;
    })();
    round = next;
    void next.finally(() => {
      if (round === next) round = undefined;
    });
    return next;
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poll(false).catch(() => undefined);
  });
  // Created only when missing: re-created on every start, a worker that restarts more often than
  // the period would put the next poll off for ever.
  void browser.alarms.get(POLL_ALARM).then(async (alarm) => {
    if (!alarm)
      await browser.alarms.create(POLL_ALARM, {
        delayInMinutes: 1,
        periodInMinutes: POLL_INTERVAL_MINUTES,
      });
  });
  void refreshBadge().catch(() => {});

  return { poll, refreshBadge };
}

export type Following = ReturnType<typeof followTopics>;
