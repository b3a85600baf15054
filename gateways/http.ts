import type { Backoff } from '../core/backoff';
import { parseRetryAfter } from '../core/backoff';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';

/** What a gateway needs from the outside world; tests pass their own. */
export interface HttpDeps {
  fetch: typeof fetch;
  /** Wikimedia asks API clients to say who they are; browsers forbid setting User-Agent itself. */
  userAgent: string;
  timeoutMs: number;
  /** Shared by every gateway, so a source's 429 holds back all calls to it, not only one. */
  backoff?: Backoff;
  /** The clock for Retry-After dates; Date.now when not given. */
  now?: () => number;
  /** Cancels the request (a search the reader has typed past). */
  signal?: AbortSignal;
}

/** Bodies larger than this are refused: no card needs them, and a hostile source could send gigabytes. */
export const MAX_BODY_BYTES = 5_000_000;

/**
 * A response's text, read as a stream and given up on as soon as it passes `maxBytes` (a declared
 * length past it is refused before reading): a hostile source's endless body costs at most that.
 */
async function cappedText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (Number(response.headers.get('Content-Length') ?? 0) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let bytes = 0; ;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * GET a document's text, turning every way it can fail into a `SourceError`: the source backing
 * off, the network, a timeout, an HTTP status, or a body too large to be what was asked for.
 */
export async function getText(
  url: string,
  deps: HttpDeps,
  accept: string,
  headers: Record<string, string> = {},
): Promise<Result<{ status: number; text: string }, SourceError>> {
  const origin = new URL(url).origin;
  const waitMs = deps.backoff?.remainingMs(origin) ?? 0;
  if (waitMs > 0) return err({ kind: 'rate-limited', retryAfterSeconds: Math.ceil(waitMs / 1000) });
  if (deps.signal?.aborted) return err({ kind: 'cancelled' });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
  const cancel = () => abort.abort();
  deps.signal?.addEventListener('abort', cancel);
  try {
    const response = await deps.fetch(url, {
      headers: { Accept: accept, ...headers },
      // No source needs to know who the reader is: their cookies (a Google account's) stay home.
      credentials: 'omit',
      signal: abort.signal,
    });
    if (response.status === 404) return err({ kind: 'not-found' });
    if (response.status === 429) {
      const retryAfter = parseRetryAfter(
        response.headers.get('Retry-After'),
        (deps.now ?? Date.now)(),
      );
      deps.backoff?.record(origin, retryAfter);
      return err({
        kind: 'rate-limited',
        ...(retryAfter !== undefined && retryAfter > 0
          ? { retryAfterSeconds: Math.ceil(retryAfter) }
          : {}),
      });
    }
    if (!response.ok) return err({ kind: 'http', status: response.status });
    const text = await cappedText(response, MAX_BODY_BYTES);
    if (text === undefined) return err({ kind: 'malformed', detail: 'the body is too large' });
    return ok({ status: response.status, text });
  } catch {
    if (deps.signal?.aborted) return err({ kind: 'cancelled' });
    if (abort.signal.aborted) return err({ kind: 'timeout' });
    // fetch rejects with a TypeError when there is no network or the connection is refused.
    return err({ kind: 'offline' });
  } finally {
    clearTimeout(timer);
    deps.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * GET a JSON document from Wikimedia: `getText`, naming Gloss in Api-User-Agent as Wikimedia asks
 * (other sources get no custom header, which would cost them a CORS preflight); a body that is
 * not JSON is `malformed`.
 */
export async function getJson(
  url: string,
  deps: HttpDeps,
): Promise<Result<{ status: number; body: unknown }, SourceError>> {
  const answer = await getText(url, deps, 'application/json', {
    'Api-User-Agent': deps.userAgent,
  });
  if (!answer.ok) return answer;
  try {
    return ok({ status: answer.value.status, body: JSON.parse(answer.value.text) as unknown });
  } catch {
    return err({ kind: 'malformed', detail: 'the body is not JSON' });
  }
}
