import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serveBackground } from '../../messaging/background';
import { runCommand } from './commands';
import { composeBackground } from './compose';
import { followTopics } from './follow';
import { handlersFor } from './handlers';
import { keepInSync } from './keep-in-sync';

export default defineBackground(() => {
  const background = composeBackground();
  // Listeners first (a woken worker delivers only to those added at once), then the rest.
  const following = followTopics(background.topics);
  // Settings, topics and choices follow the reader to their other browsers; nothing else does.
  keepInSync(background.db, background.topics.unsubscribe, following.refreshBadge);
  // A keyboard command goes to the top document of the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) =>
    runCommand(command, tab?.id, (tabId, request) =>
      browser.tabs.sendMessage(tabId, request, { frameId: 0 }),
    ),
  );
  serveBackground(handlersFor(background, following));
});
