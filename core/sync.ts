/**
 * The reader's own choices as the browser's sync area holds them, so a second browser signed in to
 * the same account gets them: one entry per item (each setting, each topic, each meaning chosen),
 * each stamped with when it last changed, a removed item kept as a stamped gap so the removal
 * travels too. When two browsers changed the same item, the later change wins; different items
 * never overwrite each other. The entries are written as JSON cut into pieces under the area's
 * limits on one item and on the whole.
 */

/** An item's value when it last changed, or null once it was removed. */
export interface SyncEntry {
  at: number;
  value: unknown;
}

/** Every item the reader's browsers share, by id ("setting:markStyle", "topic:en:ASEAN", …). */
export type SyncState = Record<string, SyncEntry>;

/** How the last round went, for the options page. */
export type SyncStatus =
  | { state: 'synced'; at: number }
  | { state: 'full'; bytes: number; limit: number; at: number }
  | { state: 'failed'; detail: string; at: number };

/** What the browser lets one extension keep in its sync area (Chrome's and Firefox's quotas). */
export interface SyncLimits {
  /** Bytes in one item: its key and its value as JSON. */
  itemBytes: number;
  /** Bytes in all items together. */
  totalBytes: number;
  /** Items at most. */
  items: number;
}

export const SYNC_LIMITS: SyncLimits = { itemBytes: 8_192, totalBytes: 102_400, items: 512 };

/** The key of the item that says how many pieces there are, and those of the pieces. */
export const SYNC_HEAD = 'gloss.head';
const PIECE = 'gloss.';
/** The layout this release writes; an area written by a newer one is left alone. */
const SYNC_FORMAT = 1;

/** Whether a state fits, and if not, how far over it is. */
export type Encoded =
  { ok: true; items: Record<string, unknown> } | { ok: false; bytes: number; limit: number };

/**
 * The state as sync items: a head saying how many pieces follow, and the state's JSON in pieces
 * that each fit one item. Refused, with the size, when it would not fit the area.
 */
export function encodeSync(state: SyncState, limits: SyncLimits = SYNC_LIMITS): Encoded {
  const text = JSON.stringify(state);
  const pieces: string[] = [];
  // Room for the key ("gloss.123"), the quotes, and a margin for how a browser counts.
  const room = limits.itemBytes - 32;
  let piece = '';
  let bytes = 0;
  for (const char of text) {
    const cost = jsonBytes(char);
    if (bytes + cost > room) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += char;
    bytes += cost;
  }
  if (piece) pieces.push(piece);
  const items: Record<string, unknown> = {
    [SYNC_HEAD]: { format: SYNC_FORMAT, pieces: pieces.length },
  };
  pieces.forEach((value, index) => (items[`${PIECE}${index}`] = value));
  const total = Object.entries(items).reduce(
    (sum, [key, value]) => sum + utf8Bytes(key) + utf8Bytes(JSON.stringify(value)),
    0,
  );
  if (total > limits.totalBytes - 512 || pieces.length + 1 > limits.items)
    return { ok: false, bytes: total, limit: limits.totalBytes };
  return { ok: true, items };
}

/**
 * The state the area holds, or undefined when it holds none this release can read: empty, written
 * by a newer release, or caught half-way through another browser's write (a piece missing).
 */
export function decodeSync(items: Record<string, unknown>): SyncState | undefined {
  const head = items[SYNC_HEAD] as { format?: unknown; pieces?: unknown } | undefined;
  if (!head || head.format !== SYNC_FORMAT || !Number.isSafeInteger(head.pieces)) return undefined;
  let text = '';
  for (let index = 0; index < (head.pieces as number); index += 1) {
    const piece = items[`${PIECE}${index}`];
    if (typeof piece !== 'string') return undefined;
    text += piece;
  }
  try {
    const state = JSON.parse(text) as unknown;
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
    const entries: SyncState = {};
    for (const [id, entry] of Object.entries(state as Record<string, unknown>)) {
      const { at, value } = (entry ?? {}) as Partial<SyncEntry>;
      if (typeof at === 'number' && Number.isFinite(at) && value !== undefined)
        entries[id] = { at, value };
    }
    return entries;
  } catch {
    return undefined;
  }
}

/** The keys of pieces left over from a longer state, to remove after writing `items`. */
export function stalePieces(
  held: Record<string, unknown>,
  items: Record<string, unknown>,
): string[] {
  return Object.keys(held).filter(
    (key) => key.startsWith(PIECE) && key !== SYNC_HEAD && !(key in items),
  );
}

/**
 * This browser's items now, stamped: an item unchanged since `known` keeps its stamp, a changed or
 * new one is stamped `now`, and one that is gone becomes a gap stamped `now`.
 */
export function stampLocal(
  items: Record<string, unknown>,
  known: SyncState,
  now: number,
): SyncState {
  const stamped: SyncState = {};
  for (const [id, value] of Object.entries(items)) {
    const before = known[id];
    stamped[id] =
      before && sameValue(before.value, value) ? before : { at: now, value: value ?? null };
  }
  for (const [id, before] of Object.entries(known))
    if (!(id in items)) stamped[id] = before.value === null ? before : { at: now, value: null };
  return stamped;
}

/**
 * Two browsers' states as one: per item, the later change. `apply` lists the items whose remote
 * change is later than this browser's, for this browser to take.
 */
export function mergeSync(
  local: SyncState,
  remote: SyncState,
): { merged: SyncState; apply: Array<[string, unknown]> } {
  const merged: SyncState = { ...local };
  const apply: Array<[string, unknown]> = [];
  for (const [id, theirs] of Object.entries(remote)) {
    const ours = local[id];
    // Changes stamped alike (two browsers' first rounds) are settled the same way on both.
    if (ours && (ours.at > theirs.at || (ours.at === theirs.at && !later(theirs, ours)))) continue;
    merged[id] = theirs;
    if (!ours || !sameValue(ours.value, theirs.value)) apply.push([id, theirs.value]);
  }
  return { merged, apply };
}

/** Whether two states say the same of every item. */
export function sameState(a: SyncState, b: SyncState): boolean {
  const ids = Object.keys(a);
  return (
    ids.length === Object.keys(b).length &&
    ids.every(
      (id) => b[id] !== undefined && b[id].at === a[id]!.at && sameValue(a[id]!.value, b[id].value),
    )
  );
}

/** Between two entries stamped alike, the one both browsers keep. */
const later = (a: SyncEntry, b: SyncEntry): boolean =>
  JSON.stringify(a.value) > JSON.stringify(b.value);

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A character's bytes once written inside a JSON string. */
function jsonBytes(char: string): number {
  if (char === '"' || char === '\\') return 2;
  const code = char.codePointAt(0)!;
  // Control characters and lone surrogates are written as \uXXXX.
  if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff)) return 6;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
