import {
  decodeSync,
  encodeSync,
  mergeSync,
  sameState,
  stalePieces,
  stampLocal,
  SYNC_LIMITS,
  type SyncLimits,
  type SyncState,
  type SyncStatus,
} from '../core/sync';
import { DEFAULT_SETTINGS, sanitiseSettings, type Settings } from '../core/settings';
import { readChoice, readTopic } from '../data/backup';
import type { ChoiceRecord, GlossDb, SubscriptionRecord } from '../data/db';

/** The browser's sync area, as far as Gloss uses it (`storage.sync`). */
export interface SyncArea {
  get: () => Promise<Record<string, unknown>>;
  set: (items: Record<string, unknown>) => Promise<void>;
  remove: (keys: string[]) => Promise<void>;
}

export interface SyncDeps {
  db: GlossDb;
  area: SyncArea;
  readSettings: () => Promise<Settings>;
  writeSettings: (settings: Settings) => Promise<void>;
  /** Stops following a topic here (its found articles go with it). */
  unsubscribe: (key: string) => Promise<void>;
  /** What this browser last wrote to or took from the sync area, kept on this device. */
  known: { get: () => Promise<SyncState>; set: (state: SyncState) => Promise<void> };
  /** Where the reader is told how syncing went. */
  report: (status: SyncStatus) => Promise<void>;
  now: () => number;
  limits?: SyncLimits;
}

/** A removal is carried this long, for browsers that were closed meanwhile; then forgotten. */
const GAPS_KEPT_MS = 90 * 24 * 60 * 60_000;

const SETTING = 'setting:';
const TOPIC = 'topic:';
const CHOICE = 'choice:';
const choiceId = (choice: Pick<ChoiceRecord, 'site' | 'alias'>) =>
  `${CHOICE}${choice.site}\n${choice.alias}`;

/** Whether a value is what the item `id` holds (null: a removal, which settings never are). */
function fits(id: string, value: unknown): boolean {
  if (id.startsWith(SETTING)) return value !== null && id.slice(SETTING.length) in DEFAULT_SETTINGS;
  if (value === null) return id.startsWith(TOPIC) || id.startsWith(CHOICE);
  if (id.startsWith(TOPIC)) return readTopic(value)?.key === id.slice(TOPIC.length);
  const choice = id.startsWith(CHOICE) ? readChoice(value) : undefined;
  return choice !== undefined && choiceId(choice) === id;
}

/** Whether an item is a setting at its default value. */
function isDefaultSetting(id: string, value: unknown): boolean {
  const field = id.slice(SETTING.length) as keyof Settings;
  return (
    id.startsWith(SETTING) && JSON.stringify(DEFAULT_SETTINGS[field]) === JSON.stringify(value)
  );
}

/**
 * Keeps the reader's settings, topics and meaning choices in the browser's sync area: this
 * browser's changes go up, other browsers' changes come down, the later change winning per item.
 * Caches and reading history never go. When the area is full, everything stays on this device and
 * the reader is told.
 *
 * Long as a whole because it is a factory: its functions share what this browser last wrote and
 * read, and each of them is short.
 */
export function createSync({
  db,
  area,
  readSettings,
  writeSettings,
  unsubscribe,
  known,
  report,
  now,
  limits = SYNC_LIMITS,
}: SyncDeps) {
  /** This browser's items, in the shape they travel in. */
  async function localItems(): Promise<Record<string, unknown>> {
    const [settings, topics, choices] = await Promise.all([
      readSettings(),
      db.subscriptions.toArray(),
      db.choices.toArray(),
    ]);
    // Each setting is an item of its own: a mark style changed in one browser and a site turned
    // off in another both stand.
    const items: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(settings)) items[SETTING + field] = value;
    for (const topic of topics) items[TOPIC + topic.key] = readTopic(topic);
    for (const choice of choices) items[choiceId(choice)] = readChoice(choice);
    return items;
  }

  /** Another browser's entries that this release can take: any malformed one is left out. */
  function readable(state: SyncState): SyncState {
    const kept: SyncState = {};
    for (const [id, entry] of Object.entries(state)) if (fits(id, entry.value)) kept[id] = entry;
    return kept;
  }

  /** Takes the settings other browsers changed later than this one, checked as any settings are. */
  async function takeSettings(changes: Array<[string, unknown]>): Promise<void> {
    if (changes.length === 0) return;
    const fields = Object.fromEntries(
      changes.map(([id, value]) => [id.slice(SETTING.length), value]),
    );
    await writeSettings(sanitiseSettings({ ...(await readSettings()), ...fields }));
  }

  /** Takes one topic or choice another browser changed later than this one. */
  async function take(id: string, value: unknown): Promise<void> {
    if (id.startsWith(TOPIC)) {
      const key = id.slice(TOPIC.length);
      if (value === null) return unsubscribe(key);
      const topic = readTopic(value)!;
      // When it was last checked, and why that failed, belong to this browser.
      const here = await db.subscriptions.get(key);
      const { lastCheckedAt, lastError } = here ?? ({} as Partial<SubscriptionRecord>);
      await db.subscriptions.put({
        ...topic,
        ...(lastCheckedAt !== undefined ? { lastCheckedAt } : {}),
        ...(lastError !== undefined ? { lastError } : {}),
      });
      return;
    }
    const [site, alias] = id.slice(CHOICE.length).split('\n') as [string, string];
    if (value === null) await db.choices.delete([site, alias]);
    else await db.choices.put(readChoice(value)!);
  }

  /** One round: stamps this browser's changes, takes the later ones, writes the merge up. */
  async function syncOnce(): Promise<SyncStatus> {
    const at = now();
    const before = await known.get();
    const stamped = stampLocal(await localItems(), before, at);
    // A browser's first round: a setting still at its default is no choice of the reader's, and
    // must not overwrite one their other browsers carry.
    if (Object.keys(before).length === 0)
      for (const [id, entry] of Object.entries(stamped))
        if (isDefaultSetting(id, entry.value)) entry.at = 0;
    // Removals older than anyone needs are dropped, so the area does not fill with them.
    for (const [id, entry] of Object.entries(stamped))
      if (entry.value === null && at - entry.at > GAPS_KEPT_MS) delete stamped[id];
    const held = await area.get();
    const remote = readable(decodeSync(held) ?? {});
    const { merged, apply } = mergeSync(stamped, remote);
    await takeSettings(apply.filter(([id]) => id.startsWith(SETTING)));
    for (const [id, value] of apply) if (!id.startsWith(SETTING)) await take(id, value);
    if (!sameState(merged, before)) await known.set(merged);
    if (sameState(merged, remote)) return { state: 'synced', at };
    const encoded = encodeSync(merged, limits);
    if (!encoded.ok) return { state: 'full', bytes: encoded.bytes, limit: encoded.limit, at };
    await area.set(encoded.items);
    const stale = stalePieces(held, encoded.items);
    if (stale.length > 0) await area.remove(stale);
    return { state: 'synced', at };
  }

  let running: Promise<SyncStatus> | undefined;
  let again = false;

  /**
   * Syncs now, or right after the round under way (changes made during a round are not lost).
   * A failure is reported, never thrown: the reader's data is safe on this device either way.
   */
  function sync(): Promise<SyncStatus> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let status: SyncStatus;
      do {
        again = false;
        status = await syncOnce().catch((error: unknown): SyncStatus => ({
          state: 'failed',
          detail: error instanceof Error ? error.message : String(error),
          at: now(),
        }));
      } while (again);
      await report(status).catch(() => undefined);
      return status;
    })().finally(() => (running = undefined));
    return running;
  }

  return { sync };
}
