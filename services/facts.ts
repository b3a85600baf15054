import { CARD_LIFETIME_MS } from '../core/cache-policy';
import type { SourceError } from '../core/errors';
import { chooseFacts, itemsToLabel, type EntityFacts } from '../core/facts';
import { ok, type Result } from '../core/result';
import type { GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { fetchClaims, fetchLabels, type WikidataSite } from '../gateways/wikidata';

export interface FactsServiceDeps {
  db: GlossDb;
  http: HttpDeps;
  site: () => Promise<WikidataSite>;
  now: () => number;
}

/**
 * A card's key facts: from IndexedDB while fresh, else from Wikidata (two requests: the item's
 * statements, then the labels of the items they name). Stale facts are served when Wikidata
 * cannot be reached; failures are never stored.
 */
export function createFactsService({ db, http, site, now }: FactsServiceDeps) {
  const inFlight = new Map<string, Promise<Result<EntityFacts, SourceError>>>();

  async function fetchFacts(wikidataId: string): Promise<Result<EntityFacts, SourceError>> {
    const where = await site();
    const claims = await fetchClaims(wikidataId, where, http);
    if (!claims.ok) return claims;
    const labels = await fetchLabels(itemsToLabel(claims.value), where, http);
    if (!labels.ok) return labels;
    const facts = chooseFacts(wikidataId, claims.value, labels.value);
    await db.facts.put({ wikidataId, facts, fetchedAt: now() });
    return ok(facts);
  }

  async function getFacts(wikidataId: string): Promise<Result<EntityFacts, SourceError>> {
    const stored = await db.facts.get(wikidataId);
    if (stored && now() - stored.fetchedAt < CARD_LIFETIME_MS) return ok(stored.facts);
    let pending = inFlight.get(wikidataId);
    if (!pending) {
      pending = fetchFacts(wikidataId);
      inFlight.set(wikidataId, pending);
      void pending.finally(() => inFlight.delete(wikidataId));
    }
    const fetched = await pending;
    // Old facts beat no facts: a failed refresh keeps what was stored.
    return fetched.ok || !stored ? fetched : ok(stored.facts);
  }

  return { getFacts };
}
