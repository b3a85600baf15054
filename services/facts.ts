import { CARD_LIFETIME_MS } from '../core/cache-policy';
import type { SourceError } from '../core/errors';
import { chooseFacts, itemsToLabel, type EntityFacts } from '../core/fact-choice';
import { ok, type Result } from '../core/result';
import type { CacheKeeper } from '../data/cache-keeper';
import type { GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { fetchClaims, fetchLabels, type WikidataSite } from '../gateways/wikidata';
import { cacheFirst } from './cache-first';

export interface FactsServiceDeps {
  db: GlossDb;
  /** Writes the cache within its limits (data/cache-keeper.ts): one for the whole background. */
  cache: CacheKeeper;
  http: HttpDeps;
  site: () => Promise<WikidataSite>;
  now: () => number;
}

/**
 * A card's key facts: from IndexedDB while fresh, else from Wikidata (two requests: the item's
 * statements, then the labels of the items they name). Stale facts are served when Wikidata
 * cannot be reached; failures are never stored.
 */
export function createFactsService({ db, cache, http, site, now }: FactsServiceDeps) {
  async function fetchAndStore(wikidataId: string): Promise<Result<EntityFacts, SourceError>> {
    const where = await site();
    const claims = await fetchClaims(wikidataId, where, http);
    if (!claims.ok) return claims;
    const labels = await fetchLabels(itemsToLabel(claims.value), where, http);
    if (!labels.ok) return labels;
    const facts = chooseFacts(wikidataId, claims.value, labels.value);
    await cache.store(() => db.facts.put({ wikidataId, facts, fetchedAt: now() }));
    return ok(facts);
  }

  const getFacts = cacheFirst({
    read: async (wikidataId: string) => {
      const stored = await db.facts.get(wikidataId);
      return stored && { value: stored.facts, fetchedAt: stored.fetchedAt };
    },
    fetchAndStore,
    keyOf: (wikidataId) => wikidataId,
    lifetimeMs: CARD_LIFETIME_MS,
    now,
  });

  return { getFacts };
}
