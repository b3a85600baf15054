// What the service tests share: the stand-in server on 127.0.0.1, a fresh database per test (in
// fake-indexeddb), and the HTTP dependencies pointed at real fetch.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { newLookupBudget } from '../../../core/cache-policy';
import type { ResolvedName } from '../../../core/entity';
import { createCacheKeeper, type CacheKeeper } from '../../../data/cache-keeper';
import { GlossDb } from '../../../data/db';
import { createNameResolver } from '../../../services/name-resolution';
import type { HttpDeps } from '../../../gateways/http';
import {
  startFixtureServer,
  type FixtureServer,
  type FixtureServerOptions,
} from '../../fixtures/server';
import { createNewsPacing } from '../../../services/news-pacing';

/** Registers the suite's hooks; the returned object's fields are set while a test runs. */
export function useServices(startClock: number, serverOptions: FixtureServerOptions = {}) {
  const context = {
    server: undefined as unknown as FixtureServer,
    db: undefined as unknown as GlossDb,
    /** The test database's cache keeper, as the background makes one for its own. */
    cache: undefined as unknown as CacheKeeper,
    clock: startClock,
  };
  beforeAll(async () => {
    context.server = await startFixtureServer(serverOptions);
  });
  afterAll(() => context.server.close());
  beforeEach(() => {
    context.db = new GlossDb(`test-${Math.random()}`);
    context.cache = createCacheKeeper(context.db);
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

/** Every name's meaning, once the names the cache does not know are looked up. */
export async function resolveAll(
  resolver: {
    resolveNamesInSteps: (
      names: readonly string[],
      site?: string,
      budget?: ReturnType<typeof newLookupBudget>,
      remember?: boolean,
      lang?: string,
    ) => Promise<{
      resolved: Record<string, ResolvedName>;
      later?: { resolved: Promise<Record<string, ResolvedName>> };
    }>;
  },
  names: readonly string[],
  site = '',
  lang?: string,
): Promise<Record<string, ResolvedName>> {
  const { resolved, later } = await resolver.resolveNamesInSteps(
    names,
    site,
    newLookupBudget(Date.now()),
    true,
    lang,
  );
  return later ? later.resolved : resolved;
}

/** The name resolver as the background composes it, on the stand-in, for cards in `cardWiki`. */
export function standInResolver(context: ReturnType<typeof useServices>, cardWiki = 'en') {
  return createNameResolver({
    db: context.db,
    cache: context.cache,
    http: http(),
    wikipedia: async (wiki) => ({ origin: `${context.server.origin}/${wiki}`, lang: wiki }),
    cardWiki: async () => cardWiki,
    wikidata: async () => ({ origin: context.server.origin, lang: cardWiki }),
    now: () => context.clock,
  });
}

/** The paced sources' queues on the real clock, as the background makes them, restored at once. */
export const realPacing = (
  kept?: unknown,
  keep: (source: string, state: unknown) => void = () => {},
) =>
  createNewsPacing({
    clock: {
      now: Date.now,
      after: (ms, run) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
    },
    kept: Promise.resolve(kept as Record<string, unknown> | undefined),
    keep,
  });

/**
 * The queues on a clock that leaps over every wait: the pacing's order and rules hold, without the
 * seconds (the queue's own tests time them; the stand-in's limit is then off).
 */
export function leapingPacing() {
  let leapt = 0;
  return createNewsPacing({
    clock: {
      now: () => Date.now() + leapt,
      after: (ms, run) => {
        const timer = setTimeout(() => {
          leapt += ms;
          run();
        }, 0);
        return () => clearTimeout(timer);
      },
    },
    kept: Promise.resolve(undefined),
    keep: () => {},
  });
}
