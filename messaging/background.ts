import { browser, type Browser } from 'wxt/browser';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import { argumentsFit, callerOf, mayCall, type BackgroundHandlers, type Sender } from './access';
import type {
  BackgroundApi,
  BackgroundCall,
  BackgroundRequest,
  BackgroundResponse,
} from './protocol';

/** Calls the background from a content script, the card frame, the popup or the options page. */
export async function callBackground<K extends BackgroundCall>(
  call: K,
  ...args: Parameters<BackgroundApi[K]>
): Promise<BackgroundResponse<K>> {
  const request: BackgroundRequest<K> = { to: 'background', call, args };
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(request);
  } catch (error) {
    // The background may be restarting, or the extension was reloaded under this page.
    return err(`Gloss's background is not answering (${String(error)})`);
  }
  // Where no listener answers, Chrome rejects but Firefox resolves with nothing: the same failure.
  if (!isResult(reply)) return err(`Gloss's background gave no answer to ${call}`);
  return reply as BackgroundResponse<K>;
}

function isResult(reply: unknown): reply is Result<unknown, unknown> {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    typeof (reply as Result<unknown, unknown>).ok === 'boolean'
  );
}

/** What a call that asks a source answers when it can: the value inside its `Result`. */
type SourceValue<K extends BackgroundCall> =
  Awaited<ReturnType<BackgroundApi[K]>> extends Result<infer T, SourceError> ? T : never;

/** The calls that ask a source (Wikipedia, Wikidata, GDELT) and may fail as a source does. */
type SourceCall = {
  [K in BackgroundCall]: Awaited<ReturnType<BackgroundApi[K]>> extends Result<unknown, SourceError>
    ? K
    : never;
}[BackgroundCall];

/**
 * Calls the background for a source's answer, with one level of `Result`: a background that does
 * not answer is one more way a source can fail.
 */
export async function askSource<K extends SourceCall>(
  call: K,
  ...args: Parameters<BackgroundApi[K]>
): Promise<Result<SourceValue<K>, SourceError>> {
  const answer = await callBackground(call, ...args);
  if (!answer.ok) return err({ kind: 'unanswered' });
  return answer.value as Result<SourceValue<K>, SourceError>;
}

function isRequest(message: unknown, handlers: BackgroundHandlers): message is BackgroundRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { to, call, args } = message as Partial<BackgroundRequest>;
  return (
    to === 'background' &&
    typeof call === 'string' &&
    Object.hasOwn(handlers, call) &&
    Array.isArray(args)
  );
}

/** Gloss's own identity, against which senders are told apart. */
export interface OwnIdentity {
  id: string;
  /** The origin of Gloss's own pages, e.g. `chrome-extension://<id>`. */
  origin: string;
}

/**
 * The answer to one message, or undefined when it is not for Gloss's background or comes from
 * outside Gloss. A caller that may not make the call, or whose arguments do not fit, is told so
 * before any work is done (`access.ts` says who may call what).
 */
export function answerMessage(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: Sender,
  own: OwnIdentity,
): Promise<BackgroundResponse<BackgroundCall>> | undefined {
  const caller = callerOf(sender, own.id, own.origin);
  if (!caller || !isRequest(message, handlers)) return undefined;
  const { call, args } = message;
  if (!mayCall(caller, call))
    return Promise.resolve(err(`${call} is not open to a ${caller.kind} caller`));
  if (!argumentsFit(call, args))
    return Promise.resolve(err(`${call} was called with bad arguments`));
  const handler = handlers[call] as (caller: unknown, ...args: unknown[]) => Promise<unknown>;
  // Called in a promise, so a handler that throws at once is answered like one that rejects.
  return Promise.resolve()
    .then(() => handler(caller, ...args))
    .then(
      (value) => ok(value) as BackgroundResponse<BackgroundCall>,
      (error: unknown) => err(error instanceof Error ? error.message : String(error)),
    );
}

/**
 * Answers `callBackground`. Registers its listener at once, so call it before any `await` in the
 * background's start-up: a woken service worker only delivers to listeners added synchronously.
 */
export function serveBackground(handlers: BackgroundHandlers): void {
  const own = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  browser.runtime.onMessage.addListener(
    (
      message: unknown,
      sender: Browser.runtime.MessageSender,
      sendResponse: (answer: unknown) => void,
    ) => {
      const answer = answerMessage(handlers, message, sender, own);
      if (!answer) return false;
      // sendResponse and `true` (rather than a returned promise) work in every browser.
      void answer.then(sendResponse);
      return true;
    },
  );
}
