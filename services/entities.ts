import { normaliseAlias } from '../core/alias';
import { isAliasFresh, LOOKUP_CONCURRENCY, MAX_LOOKUPS_PER_PAGE } from '../core/cache-policy';
import type { EntitySummary, ResolvedName } from '../core/entity';
import type { SourceError } from '../core/errors';
import { err, ok, type Result } from '../core/result';
import type { AliasRecord, GlossDb } from '../data/db';
import type { HttpDeps } from '../gateways/http';
import { fetchSummary, type WikipediaSite } from '../gateways/wikipedia';

export interface EntityServiceDeps {
  db: GlossDb;
  http: HttpDeps;
  site: () => Promise<WikipediaSite>;
  now: () => number;
}

/**
 * The cache-first path from a name to its card: IndexedDB first, Wikipedia on a miss, and every
 * answer (hit or miss, never a failure) remembered. The same name asked by several tabs at once is
 * fetched once.
 */
export function createEntityService({ db, http, site, now }: EntityServiceDeps) {
  const inFlight = new Map<string, Promise<ResolvedName | null>>();

  async function remember(
    alias: string,
    summary: EntitySummary | null,
    outcome: AliasRecord['outcome'],
  ) {
    const checkedAt = now();
    await db.transaction('rw', db.entities, db.aliases, async () => {
      if (summary) {
        await db.entities.put({
          key: summary.key,
          summary,
          fetchedAt: checkedAt,
          lastUsedAt: checkedAt,
        });
      }
      await db.aliases.put({ alias, key: summary?.key ?? null, outcome, checkedAt });
    });
  }

  /** Asks Wikipedia about one name; stores what it learns. Failures are returned, not stored. */
  async function lookUp(
    alias: string,
    name: string,
  ): Promise<Result<ResolvedName | null, SourceError>> {
    const answer = await fetchSummary(name, await site(), http);
    if (!answer.ok) {
      if (answer.error.kind !== 'not-found') return answer;
      await remember(alias, null, 'missing');
      return ok(null);
    }
    const summary = answer.value;
    // An ambiguous name is not marked yet: the card that offers the choices comes with resolution.
    if (summary.kind === 'disambiguation') {
      await remember(alias, null, 'ambiguous');
      return ok(null);
    }
    await remember(alias, summary, 'found');
    return ok({ key: summary.key, title: summary.title });
  }

  /** Resolves a page's names to articles; names not (yet) known are left out of the answer. */
  async function resolveNames(names: readonly string[]): Promise<Record<string, ResolvedName>> {
    const byAlias = new Map<string, string>();
    for (const name of names) {
      const alias = normaliseAlias(name);
      if (alias && !byAlias.has(alias)) byAlias.set(alias, name);
    }
    const aliases = [...byAlias.keys()];
    const known = await db.aliases.bulkGet(aliases);
    const entities = await db.entities.bulkGet(known.map((record) => record?.key ?? ''));
    const resolved: Record<string, ResolvedName> = {};
    const unknown: string[] = [];
    aliases.forEach((alias, index) => {
      const record = known[index];
      const entity = entities[index];
      if (record && isAliasFresh(record, now()) && (record.key === null || entity)) {
        if (entity)
          resolved[byAlias.get(alias)!] = { key: entity.key, title: entity.summary.title };
      } else {
        unknown.push(alias);
      }
    });

    const queue = unknown.slice(0, MAX_LOOKUPS_PER_PAGE);
    let rateLimited = false;
    const worker = async () => {
      for (let alias = queue.shift(); alias !== undefined && !rateLimited; alias = queue.shift()) {
        const name = byAlias.get(alias)!;
        let pending = inFlight.get(alias);
        if (!pending) {
          pending = lookUp(alias, name).then((answer) => {
            // Wikipedia asks clients to back off when it answers 429: stop this page's lookups.
            if (!answer.ok && answer.error.kind === 'rate-limited') rateLimited = true;
            return answer.ok ? answer.value : null;
          });
          inFlight.set(alias, pending);
          void pending.finally(() => inFlight.delete(alias));
        }
        const found = await pending;
        if (found) resolved[name] = found;
      }
    };
    await Promise.all(Array.from({ length: LOOKUP_CONCURRENCY }, worker));
    return resolved;
  }

  /** The card for an article: from IndexedDB when it is there, else fetched (and then stored). */
  async function getCard(key: string): Promise<Result<EntitySummary, SourceError>> {
    const stored = await db.entities.get(key);
    if (stored) {
      await db.entities.update(key, { lastUsedAt: now() });
      return ok(stored.summary);
    }
    const title = key.slice(key.indexOf(':') + 1);
    const answer = await fetchSummary(title, await site(), http);
    if (!answer.ok) return answer;
    if (answer.value.key !== key) return err({ kind: 'not-found' });
    await remember(normaliseAlias(answer.value.title), answer.value, 'found');
    return ok(answer.value);
  }

  async function stats() {
    return { entities: await db.entities.count(), aliases: await db.aliases.count() };
  }

  return { resolveNames, getCard, stats };
}

export type EntityService = ReturnType<typeof createEntityService>;
