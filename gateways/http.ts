import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';

/** What a gateway needs from the outside world; tests pass their own. */
export interface HttpDeps {
  fetch: typeof fetch;
  /** Wikimedia asks API clients to say who they are; browsers forbid setting User-Agent itself. */
  userAgent: string;
  timeoutMs: number;
}

/**
 * GET a JSON document, turning every way it can fail into a `SourceError`: the network, a timeout,
 * an HTTP status, or a body that is not JSON. Returns the parsed body and status on success.
 */
export async function getJson(
  url: string,
  deps: HttpDeps,
): Promise<Result<{ status: number; body: unknown }, SourceError>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs);
  try {
    const response = await deps.fetch(url, {
      headers: { Accept: 'application/json', 'Api-User-Agent': deps.userAgent },
      signal: abort.signal,
    });
    if (response.status === 404) return err({ kind: 'not-found' });
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      return err({
        kind: 'rate-limited',
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
    if (!response.ok) return err({ kind: 'http', status: response.status });
    const text = await response.text();
    try {
      return ok({ status: response.status, body: JSON.parse(text) as unknown });
    } catch {
      return err({ kind: 'malformed', detail: 'the body is not JSON' });
    }
  } catch (error) {
    if (abort.signal.aborted) return err({ kind: 'timeout' });
    // fetch rejects with a TypeError when there is no network or the connection is refused.
    return err({ kind: 'offline' });
  } finally {
    clearTimeout(timer);
  }
}
