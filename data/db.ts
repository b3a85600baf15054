import Dexie, { type DBCoreMutateRequest, type EntityTable, type IndexableType } from 'dexie';
import type { Choice, EntitySummary } from '../core/entity';
import type { EntityFacts } from '../core/fact-choice';
import type { RelatedArticle } from '../core/articles';
import type { Attention } from '../core/attention';
import type { Coverage } from '../core/coverage';
import { aliasId, titleOfKey, wikiOfKey } from '../core/wikis';

/** One article's summary as fetched, with when it was fetched and last shown. */
export interface EntityRecord {
  key: string;
  summary: EntitySummary;
  fetchedAt: number;
  lastUsedAt: number;
}

/** Where an alias's meaning came from: the bundled pack, an exact title, or a spelling search. */
export type AliasSource = 'pack' | 'wikipedia' | 'search';

/**
 * What a name (normalised) means. `candidate` comes from the bundled pack and is checked against
 * Wikipedia before it is used; `missing` and `ambiguous` are remembered too (a negative cache, see
 * core/cache-policy.ts), so a name that is no article is not asked about on every page.
 */
export interface AliasRecord {
  /** The wiki and the name as looked up there (`aliasId`): `fr:union européenne`. */
  alias: string;
  outcome: 'found' | 'missing' | 'ambiguous' | 'candidate';
  /** `lang:Canonical_title` of the article, for `found`. */
  key: string | null;
  /** The title to ask Wikipedia about (`candidate`), or the page found (`found`, `ambiguous`). */
  title?: string;
  wikidataId?: string;
  description?: string;
  source: AliasSource;
  /** How sure the match is, 0 to 1: exact titles and the pack 1, spelling searches less. */
  score: number;
  checkedAt: number;
  /**
   * The sites whose pages asked about this name, the latest last: its answer is used at once only
   * on those, so no site sees what the reader's reading on others taught.
   */
  sites?: string[];
  /** For `ambiguous`: the meanings its disambiguation page offers, once a card has asked. */
  choices?: Choice[];
  /**
   * For `found` on a wiki other than the reader's: the title of the same subject's article on each
   * card wiki asked about (from Wikidata's sitelinks), null where that wiki has none.
   */
  sitelinks?: Record<string, string | null>;
}

/** An entity's coverage over the last month, with when it was fetched. */
export interface CoverageRecord {
  key: string;
  coverage: Coverage;
  fetchedAt: number;
}

/** How much an entity's Wikipedia article was read over the last month, with when it was fetched. */
export interface AttentionRecord {
  /** The entity's key on the wiki whose readers were counted. */
  key: string;
  attention: Attention;
  fetchedAt: number;
}

/** An item's key facts from Wikidata, with when they were fetched. */
export interface FactsRecord {
  wikidataId: string;
  facts: EntityFacts;
  fetchedAt: number;
}

/** The latest articles about an entity, with when they were fetched. */
export interface RelatedRecord {
  key: string;
  articles: RelatedArticle[];
  fetchedAt: number;
}

/**
 * A topic the reader follows: an entity (`en:ASEAN`, from a card or a search) or a keyword query
 * (`query:rare earths`). Its sources are polled for new articles; entities' cards say "Subscribed".
 */
export interface SubscriptionRecord {
  key: string;
  kind: 'entity' | 'query';
  /** What the reader sees: the article's title, or the keywords. */
  title: string;
  /** What the news sources are asked for. */
  query: string;
  subscribedAt: number;
  /** Whether new articles raise a system notification (asks for the permission when turned on). */
  notify: boolean;
  lastCheckedAt?: number;
  /** Why the last check failed, in the reader's words; absent when it worked. */
  lastError?: string;
}

/** An article found for a topic by a poll, unread until the reader opens it. */
export interface TopicArticleRecord extends RelatedArticle {
  /** `topicKey url`: one row per topic and article. */
  id: string;
  topicKey: string;
  foundAt: number;
  /** 1 while unread (a number, since IndexedDB cannot index booleans). */
  unread: 0 | 1;
}

/** An entity the reader looked up in the popup, for "Recent". */
export interface LookupRecord {
  key: string;
  title: string;
  description?: string;
  lookedUpAt: number;
}

/** Which article the reader chose for an ambiguous name on one site ("Georgia" on a US paper). */
export interface ChoiceRecord {
  site: string;
  alias: string;
  key: string;
  title: string;
  chosenAt: number;
}

/** A page where Gloss found an entity, for the card's "In your reading" (kept on this device only). */
export interface ReadingRecord {
  key: string;
  url: string;
  title: string;
  seenAt: number;
  /** The page's host: one site may keep only its share of the reader's reading. */
  site?: string;
}

/** Small facts about the database itself, such as which alias pack it was seeded with. */
export interface MetaRecord {
  name: string;
  value: unknown;
}

/**
 * Gloss's database. The background holds it and alone writes to it; Gloss's own pages read their
 * lists through live-reads.ts. A content script never opens it: its IndexedDB is the page's.
 */
export class GlossDb extends Dexie {
  entities!: EntityTable<EntityRecord, 'key'>;
  aliases!: EntityTable<AliasRecord, 'alias'>;
  meta!: EntityTable<MetaRecord, 'name'>;
  facts!: EntityTable<FactsRecord, 'wikidataId'>;
  related!: EntityTable<RelatedRecord, 'key'>;
  coverage!: EntityTable<CoverageRecord, 'key'>;
  attention!: EntityTable<AttentionRecord, 'key'>;
  subscriptions!: EntityTable<SubscriptionRecord, 'key'>;
  choices!: Dexie.Table<ChoiceRecord, [string, string]>;
  readings!: Dexie.Table<ReadingRecord, [string, string]>;
  topicArticles!: EntityTable<TopicArticleRecord, 'id'>;
  lookups!: EntityTable<LookupRecord, 'key'>;

  /** Told of every write, by table: see `onWrite`. */
  private readonly writeListeners = new Map<string, Set<WriteListener>>();

  constructor(name = 'gloss') {
    super(name);
    this.use(
      writes((table, touched) => this.writeListeners.get(table)?.forEach((tell) => tell(touched))),
    );
    // Each schema change adds a version with an upgrade; a shipped version is never edited.
    this.version(1).stores({
      entities: 'key, lastUsedAt',
      aliases: 'alias, checkedAt',
    });
    // 2: aliases say where they came from and how sure they are; the pack's seed is recorded.
    this.version(2)
      .stores({ aliases: 'alias, checkedAt, source', meta: 'name' })
      .upgrade((tx) =>
        tx
          .table('aliases')
          .toCollection()
          .modify((alias: Partial<AliasRecord>) => {
            alias.source ??= 'wikipedia';
            alias.score ??= 1;
            if (alias.outcome === 'found' && alias.key && !alias.title) {
              alias.title = titleOfKey(alias.key);
            }
          }),
      );
    // 3: key facts from Wikidata, kept beside the summaries.
    this.version(3).stores({ facts: 'wikidataId, fetchedAt' });
    // 4: related articles, kept for an hour.
    this.version(4).stores({ related: 'key, fetchedAt' });
    // 5: the reader's own data, never evicted: subscriptions, choices for ambiguous names per
    // site, and the pages where entities were read.
    this.version(5).stores({
      subscriptions: 'key, subscribedAt',
      choices: '[site+alias]',
      readings: '[key+url], key, seenAt',
    });
    // 6: topics (subscriptions become entity topics beside keyword queries), the articles their
    // polls find, and the popup's recent look-ups.
    this.version(6)
      .stores({
        topicArticles: 'id, topicKey, unread, foundAt',
        lookups: 'key, lookedUpAt',
      })
      .upgrade((tx) =>
        tx
          .table('subscriptions')
          .toCollection()
          .modify((topic: Partial<SubscriptionRecord>) => {
            topic.kind ??= 'entity';
            topic.query ??= topic.title ?? '';
            topic.notify ??= false;
          }),
      );
    // 7: an entity's coverage over the last month, kept for an hour like its latest articles.
    this.version(7).stores({ coverage: 'key, fetchedAt' });
    // 8: a name is looked up on the Wikipedia of the page's language, so its record says which
    // (`aliasId`): a found name's article says it; the rest were asked of the one Wikipedia of
    // earlier releases, English unless the reader chose another.
    this.version(8)
      .stores({})
      .upgrade(async (tx) => {
        const table = tx.table('aliases');
        const records = (await table.toArray()) as AliasRecord[];
        await table.clear();
        await table.bulkAdd(
          records.map((record) => ({
            ...record,
            alias: aliasId(record.key ? wikiOfKey(record.key) : 'en', record.alias),
          })),
        );
      });
    // 9: an entity's readers on Wikipedia over the last month (the card's attention line).
    this.version(9).stores({ attention: 'key, fetchedAt' });
    // 10: readings by site, so a site that floods them loses its own oldest, never another's.
    this.version(10)
      .stores({ readings: '[key+url], key, seenAt, site' })
      .upgrade((tx) =>
        tx
          .table('readings')
          .toCollection()
          .modify((reading: ReadingRecord) => {
            try {
              reading.site = new URL(reading.url).hostname;
            } catch {
              // A page noted before addresses were checked: it keeps no site, and counts for none.
            }
          }),
      );
  }

  /**
   * Calls `listener` with the keys each write to `table` touches ('all' for a range), once as the
   * write starts and once as it ends: a memory of the table stays true to it. Answers how to stop.
   */
  onWrite(table: string, listener: WriteListener): () => void {
    const listeners = this.writeListeners.get(table) ?? new Set();
    this.writeListeners.set(table, listeners.add(listener));
    return () => listeners.delete(listener);
  }
}

/** The keys a write touched, or 'all' when it touched a range. */
export type WriteListener = (touched: readonly IndexableType[] | 'all') => void;

/** A Dexie middleware that tells `tell` which keys of which table every write touches. */
function writes(tell: (table: string, touched: readonly IndexableType[] | 'all') => void) {
  return {
    stack: 'dbcore' as const,
    name: 'Writes',
    create: (core: Dexie['core']): Dexie['core'] => ({
      ...core,
      table: (tableName: string) => {
        const table = core.table(tableName);
        const keyOf = table.schema.primaryKey.extractKey;
        const touchedBy = (request: DBCoreMutateRequest): readonly IndexableType[] | 'all' => {
          if (request.type === 'deleteRange') return 'all';
          if (request.keys) return request.keys as IndexableType[];
          if (request.type === 'delete' || !keyOf) return 'all';
          return request.values.map((value) => keyOf(value));
        };
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            const touched = touchedBy(request);
            tell(tableName, touched);
            return table.mutate(request).finally(() => tell(tableName, touched));
          },
        };
      },
    }),
  };
}
