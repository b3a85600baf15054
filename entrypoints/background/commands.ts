import type { PageRequest } from '../../messaging/protocol';

/**
 * The keyboard commands the manifest declares (wxt.config.ts), which the browser's shortcut
 * settings can rebind. The popup's own (`_execute_action`) the browser handles by itself.
 */
export const STEP_COMMANDS: Record<string, 1 | -1> = {
  'next-name': 1,
  'previous-name': -1,
};

/** Where a command is sent: the tab's top document, which keeps its marks in reading order. */
export type SendToTab = (tabId: number, request: PageRequest) => Promise<unknown>;

/**
 * Runs a command in the tab it was given in: steps to the next or previous marked name there.
 * A tab where Gloss does not run (a browser page, Gloss off) ignores it.
 */
export function runCommand(command: string, tabId: number | undefined, send: SendToTab): void {
  const by = STEP_COMMANDS[command];
  if (by === undefined || tabId === undefined) return;
  void send(tabId, { to: 'page', step: by }).catch(() => undefined);
}
