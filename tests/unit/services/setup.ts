// What the service tests share: the stand-in server on 127.0.0.1, a fresh database per test (in
// fake-indexeddb), and the HTTP dependencies pointed at real fetch.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { GlossDb } from '../../../data/db';
import type { HttpDeps } from '../../../gateways/http';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server';

/** Registers the suite's hooks; the returned object's fields are set while a test runs. */
export function useServices(startClock: number) {
  const context = {
    server: undefined as unknown as FixtureServer,
    db: undefined as unknown as GlossDb,
    clock: startClock,
  };
  beforeAll(async () => {
    context.server = await startFixtureServer();
  });
  afterAll(() => context.server.close());
  beforeEach(() => {
    context.db = new GlossDb(`test-${Math.random()}`);
    context.clock = startClock;
  });
  afterEach(() => context.db.delete());
  return context;
}

export const http = (timeoutMs = 2000): HttpDeps => ({
  fetch: (input, init) => fetch(input, init),
  userAgent: 'Gloss/test',
  timeoutMs,
});
