import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followTopics, POLL_ALARM } from '../../../entrypoints/background/follow';
import type { PollReport, TopicService } from '../../../services/topics';

/** A topic service whose rounds take as long as the test says, counting how many overlap. */
function slowTopics() {
  let running = 0;
  let most = 0;
  const finishers: Array<() => void> = [];
  const service = {
    unreadCount: async () => 0,
    poll: async (): Promise<PollReport> => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => finishers.push(resolve));
      running -= 1;
      return { checked: 1, found: [], rateLimited: false };
    },
  } as unknown as TopicService;
  return {
    service,
    finishOne: () => finishers.shift()?.(),
    most: () => most,
    waiting: () => finishers.length,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followTopics', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates the poll alarm when it is missing, and leaves a running one alone', async () => {
    followTopics(slowTopics().service);
    await settle();
    const first = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(first?.periodInMinutes).toBe(30);
    // A worker that starts again keeps the alarm's next time: polls are not put off.
    await fakeBrowser.alarms.create(POLL_ALARM, { when: 12345, periodInMinutes: 30 });
    followTopics(slowTopics().service);
    await settle();
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.scheduledTime).toBe(12345);
  });

  it('runs one round at a time: a round asked for meanwhile starts when it ends', async () => {
    const topics = slowTopics();
    const { poll } = followTopics(topics.service);
    const first = poll(false);
    const second = poll(true);
    await settle();
    expect(topics.waiting()).toBe(1);
    topics.finishOne();
    await first;
    await settle();
    expect(topics.waiting()).toBe(1);
    topics.finishOne();
    await second;
    expect(topics.most()).toBe(1);
  });
});
