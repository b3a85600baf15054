import { browser, type Browser } from 'wxt/browser';
import { err, ok } from '../core/result';
import type {
  BackgroundApi,
  BackgroundCall,
  BackgroundRequest,
  BackgroundResponse,
} from './protocol';

/** Calls the background from a content script, the popup or the options page. */
export async function callBackground<K extends BackgroundCall>(
  call: K,
  ...args: Parameters<BackgroundApi[K]>
): Promise<BackgroundResponse<K>> {
  const request: BackgroundRequest<K> = { to: 'gloss-background', call, args };
  try {
    return (await browser.runtime.sendMessage(request)) as BackgroundResponse<K>;
  } catch (error) {
    // The background may be restarting, or the extension was reloaded under this page.
    return err(`Gloss's background is not answering (${String(error)})`);
  }
}

function isRequest(message: unknown, api: BackgroundApi): message is BackgroundRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { to, call, args } = message as Partial<BackgroundRequest>;
  return (
    to === 'gloss-background' &&
    typeof call === 'string' &&
    Object.hasOwn(api, call) &&
    Array.isArray(args)
  );
}

/**
 * The answer to one message, or undefined when it is not for Gloss's background or comes from
 * outside Gloss (only Gloss's own pages and content scripts may ask; nothing is exposed to the web).
 */
export function answerMessage(
  api: BackgroundApi,
  message: unknown,
  sender: { id?: string },
  ownId: string,
): Promise<BackgroundResponse<BackgroundCall>> | undefined {
  if (sender.id !== ownId || !isRequest(message, api)) return undefined;
  const handler = api[message.call] as (...args: unknown[]) => Promise<unknown>;
  return handler(...message.args).then(
    (value) => ok(value) as BackgroundResponse<BackgroundCall>,
    (error: unknown) => err(error instanceof Error ? error.message : String(error)),
  );
}

/**
 * Answers `callBackground`. Registers its listener at once, so call it before any `await` in the
 * background's start-up: a woken service worker only delivers to listeners added synchronously.
 */
export function serveBackground(api: BackgroundApi): void {
  browser.runtime.onMessage.addListener(
    (
      message: unknown,
      sender: Browser.runtime.MessageSender,
      sendResponse: (answer: unknown) => void,
    ) => {
      const answer = answerMessage(api, message, sender, browser.runtime.id);
      if (!answer) return false;
      // sendResponse and `true` (rather than a returned promise) work in every browser.
      void answer.then(sendResponse);
      return true;
    },
  );
}
