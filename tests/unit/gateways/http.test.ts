import { describe, expect, it } from 'vitest';
import { Backoff, MAX_BACKOFF_SECONDS, parseRetryAfter } from '../../../core/backoff';
import { getJson, type HttpDeps } from '../../../gateways/http';

/** A fetch that answers from a list and counts the calls it gets. */
function scripted(...answers: Array<() => Response>) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const next = answers.shift();
    if (!next) throw new Error('no answer scripted');
    return next();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const busy = (retryAfter?: string) => () =>
  new Response('slow down', {
    status: 429,
    headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
  });
const fine = () => () => new Response('{"ok":true}', { status: 200 });

describe('getJson with a shared backoff', () => {
  it('holds back every call to a source for the Retry-After it sent, then asks again', async () => {
    let clock = 1_000_000;
    const { calls, fetch } = scripted(busy('120'), fine());
    const deps: HttpDeps = {
      fetch,
      userAgent: 'Gloss/test',
      timeoutMs: 1000,
      backoff: new Backoff(() => clock),
      now: () => clock,
    };
    expect(await getJson('https://en.wikipedia.org/a', deps)).toEqual({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 120 },
    });
    clock += 60_000;
    // Another endpoint of the same source: refused without a request, saying how long is left.
    expect(await getJson('https://en.wikipedia.org/b', deps)).toEqual({
      ok: false,
      error: { kind: 'rate-limited', retryAfterSeconds: 60 },
    });
    expect(calls).toHaveLength(1);
    clock += 60_001;
    expect((await getJson('https://en.wikipedia.org/b', deps)).ok).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('leaves other sources alone, and waits a default when no Retry-After is given', async () => {
    let clock = 0;
    const { calls, fetch } = scripted(busy(), fine());
    const backoff = new Backoff(() => clock);
    const deps: HttpDeps = { fetch, userAgent: 'Gloss/test', timeoutMs: 1000, backoff };
    await getJson('https://api.gdeltproject.org/x', deps);
    expect((await getJson('https://www.wikidata.org/y', deps)).ok).toBe(true);
    expect(backoff.remainingMs('https://api.gdeltproject.org')).toBeGreaterThan(0);
    clock += 31_000;
    expect(backoff.remainingMs('https://api.gdeltproject.org')).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('stops reading a body that never ends once it passes the cap', async () => {
    let chunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const { fetch } = scripted(
      () => new Response(endless),
      () => new Response('{}', { headers: { 'Content-Length': '9000000' } }),
    );
    const deps: HttpDeps = { fetch, userAgent: 'Gloss/test', timeoutMs: 5000 };
    const tooLarge = { ok: false, error: { kind: 'malformed', detail: 'the body is too large' } };
    expect(await getJson('https://a.example/', deps)).toEqual(tooLarge);
    expect(chunks).toBeLessThan(100);
    // A declared length past the cap is refused without reading.
    expect(await getJson('https://a.example/', deps)).toEqual(tooLarge);
  });

  it('refuses a body far larger than any answer, and one that is not JSON', async () => {
    const { fetch } = scripted(
      () => new Response('x'.repeat(5_000_001)),
      () => new Response('<html>down for maintenance</html>'),
    );
    const deps: HttpDeps = { fetch, userAgent: 'Gloss/test', timeoutMs: 1000 };
    expect(await getJson('https://a.example/', deps)).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'the body is too large' },
    });
    expect(await getJson('https://a.example/', deps)).toEqual({
      ok: false,
      error: { kind: 'malformed', detail: 'the body is not JSON' },
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('caps a wait so a wrong header cannot switch a source off for long', () => {
    const backoff = new Backoff(() => 0);
    backoff.record('https://a.example', 86_400);
    expect(backoff.remainingMs('https://a.example')).toBe(MAX_BACKOFF_SECONDS * 1000);
  });
});
