/**
 * Finds known names in text in any case ("MYANMAR", "Myanmar’s", "United nations"), longest first,
 * whatever the size of the list: the text is cut into words, each word hashed once, and a name is a
 * run of word hashes found in one open-addressing table. Every word costs one look-up in a bit
 * filter of the names' first words; only words that pass it are looked for in the table. So the
 * speed hardly changes between a thousand names and three hundred thousand, and the whole index is
 * a few typed arrays and one string, saved and loaded without building anything.
 */
import { isWordCode } from './spotter/characters';
import type { Span } from './spotter/span';

/** Longest name, in words: longer names are not looked for. */
const MAX_WORDS = 8;
/** Set in a slot's name entry when the name is an acronym, found only in capitals. */
const ACRONYM = 1 << 30;

/** The index, as saved and loaded. */
export interface AliasTable {
  /** Hash of a word sequence per slot; 0 is an empty slot. */
  keys: Int32Array;
  /** Per slot: the name's number + 1 (with ACRONYM) when the sequence is a whole name, else 0. */
  names: Int32Array;
  /** Per slot: 1 when the sequence also begins a longer name. */
  continues: Uint8Array;
  /** Bit filter of the names' first words, as many bits as slots (a 300k index: 256 kB). */
  firstWords: Uint32Array;
  /** Each name's first word's hash, to fill a bigger filter when the table grows. */
  firstHashes: Int32Array;
  /** The names as given, each followed by "\n". */
  text: string;
  /** Where each name starts in `text`. */
  starts: Int32Array;
  count: number;
  /** Slots taken, by names and by the beginnings of longer names. */
  used: number;
}

/** A name found: where, and which of the known names it is. */
export interface AliasMatch extends Span {
  name: string;
}

// Case folding for the scripts with capitals that names are most often written in (Latin, Greek,
// Cyrillic, Armenian); characters beyond are compared as they are.
const FOLD_LIMIT = 0x0590;
let fold: Uint16Array | undefined;
let lower: Uint8Array | undefined;
function foldTable(): Uint16Array {
  if (fold) return fold;
  fold = new Uint16Array(FOLD_LIMIT);
  lower = new Uint8Array(FOLD_LIMIT);
  for (let code = 0; code < FOLD_LIMIT; code += 1) {
    const char = String.fromCharCode(code);
    const folded = char.toLowerCase();
    fold[code] = folded.length === 1 ? folded.charCodeAt(0) : code;
    lower[code] = folded === char && char.toUpperCase() !== char ? 1 : 0;
  }
  return fold;
}

const isLowerCase = (code: number) => code < FOLD_LIMIT && lower![code] === 1;

const hashChar = (hash: number, code: number) => Math.imul(hash ^ code, 16777619);
/** Joins a word's hash onto the hash of the words before it; never 0 (the empty slot). */
const hashNext = (sequence: number, word: number) =>
  Math.imul((sequence << 5) ^ (sequence >>> 27) ^ word, 0x9e3779b1) | 1;
const SEED = 0x2545f491;

/** Growable arrays of word positions, kept between calls so matching allocates nothing. */
class Words {
  starts: Int32Array = new Int32Array(256);
  ends: Int32Array = new Int32Array(256);
  hashes: Int32Array = new Int32Array(256);
  reserve(size: number) {
    if (size <= this.starts.length) return;
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
    this.hashes = grown(this.hashes, size);
  }
}

function grown(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(size, old.length * 2));
  bigger.set(old);
  return bigger;
}

/** Cuts `text` into words: their starts, ends and the hashes of their folded characters. */
function wordsOf(text: string, into: Words): number {
  const table = foldTable();
  let count = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    let code = text.charCodeAt(index);
    if (!isWordCode(code)) {
      index += 1;
      continue;
    }
    const start = index;
    let hash = 0x811c9dc5;
    do {
      hash = hashChar(hash, code < FOLD_LIMIT ? table[code]! : code);
      index += 1;
      code = index < length ? text.charCodeAt(index) : 32;
    } while (isWordCode(code));
    into.reserve(count + 1);
    into.starts[count] = start;
    into.ends[count] = index;
    into.hashes[count] = hash;
    count += 1;
  }
  return count;
}

/** The first word character at or after `index`, or `end`. */
function skipGap(text: string, index: number, end: number): number {
  while (index < end && !isWordCode(text.charCodeAt(index))) index += 1;
  return index;
}

/**
 * Whether a[aFrom, aTo) and b[bFrom, bTo) are the same words in any case, whatever stands between
 * them ("Côte d’Ivoire" and "côte d'ivoire"): what tells a real match from a hash collision.
 */
function sameWords(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number) {
  const table = foldTable();
  let i = skipGap(a, aFrom, aTo);
  let j = skipGap(b, bFrom, bTo);
  while (i < aTo && j < bTo) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const xInWord = isWordCode(x);
    if (xInWord !== isWordCode(y)) return false;
    if (xInWord) {
      if ((x < FOLD_LIMIT ? table[x] : x) !== (y < FOLD_LIMIT ? table[y] : y)) return false;
      i += 1;
      j += 1;
    } else {
      i = skipGap(a, i, aTo);
      j = skipGap(b, j, bTo);
    }
  }
  return skipGap(a, i, aTo) === aTo && skipGap(b, j, bTo) === bTo;
}

export class AliasMatcher {
  private table: AliasTable;
  private readonly words = new Words();

  private constructor(table: AliasTable) {
    this.table = table;
  }

  /** A matcher for `names`, spelt as written ("WHO", an acronym, is found only in capitals). */
  static build(names: Iterable<string>): AliasMatcher {
    const matcher = new AliasMatcher(emptyTable(1024));
    for (const name of names) matcher.add(name);
    return matcher;
  }

  /**
   * A matcher over a table kept from `save()`, used as it is. Throws when `table` is not one (a
   * database written by another version, or damaged): then build anew.
   */
  static load(table: unknown): AliasMatcher {
    return new AliasMatcher(checkTable(table));
  }

  /** The index, to keep (in IndexedDB, in a file) and load later. */
  save(): AliasTable {
    return this.table;
  }

  /** How many names it knows. */
  get count(): number {
    return this.table.count;
  }

  /** Bytes the index takes (its text at two bytes a character). */
  get bytes(): number {
    const { keys, names, continues, firstWords, firstHashes, text, starts } = this.table;
    return (
      keys.byteLength +
      names.byteLength +
      continues.byteLength +
      firstWords.byteLength +
      firstHashes.byteLength +
      starts.byteLength +
      text.length * 2
    );
  }

  /** Learns one more name; one it knows already, or one with no word or too many, is skipped. */
  add(name: string): void {
    const clean = name.replace(/\n/g, ' ').trim();
    const count = wordsOf(clean, this.words);
    if (count === 0 || count > MAX_WORDS) return;
    // At most half the slots taken, so a look-up rarely probes more than one or two.
    if ((this.table.used + count) * 2 > this.table.keys.length) this.grow();
    const table = this.table;
    const { hashes } = this.words;
    let sequence = SEED;
    for (let word = 0; word < count; word += 1) {
      sequence = hashNext(sequence, hashes[word]!);
      const slot = slotOf(this.table.keys, sequence);
      if (table.keys[slot] === 0) table.used += 1;
      table.keys[slot] = sequence;
      if (word < count - 1) table.continues[slot] = 1;
      else if (table.names[slot] === 0) table.names[slot] = this.remember(clean, hashes[0]!);
    }
  }

  /**
   * The known names in `text`, longest first and never overlapping, where the text writes them as
   * names: starting with a capital (or in a script without capitals), and acronyms in capitals.
   * Offsets are JS string offsets, end exclusive.
   */
  find(text: string): AliasMatch[] {
    const found: AliasMatch[] = [];
    const count = wordsOf(text, this.words);
    const { starts, ends, hashes } = this.words;
    const { keys, names, continues, firstWords } = this.table;
    const mask = keys.length - 1;
    for (let word = 0; word < count; word += 1) {
      const first = hashes[word]! & mask;
      if ((firstWords[first >>> 5]! & (1 << (first & 31))) === 0) continue;
      if (isLowerCase(text.charCodeAt(starts[word]!))) continue;
      let sequence = SEED;
      let best = -1;
      let bestName = 0;
      for (let next = word; next < count && next < word + MAX_WORDS; next += 1) {
        sequence = hashNext(sequence, hashes[next]!);
        const slot = slotOf(keys, sequence);
        if (keys[slot] === 0) break;
        const name = names[slot]!;
        if (name !== 0 && this.spells(text, starts[word]!, ends[next]!, name)) {
          best = next;
          bestName = name;
        }
        if (continues[slot] === 0) break;
      }
      if (best < 0) continue;
      const start = starts[word]!;
      const end = ends[best]!;
      found.push({ start, end, surface: text.slice(start, end), name: this.nameOf(bestName) });
      word = best;
    }
    return found;
  }

  /** Whether text[start, end) spells the name in `entry` (not a hash collision) as a name. */
  private spells(text: string, start: number, end: number, entry: number): boolean {
    const { text: all, starts } = this.table;
    const index = (entry & ~ACRONYM) - 1;
    const from = starts[index]!;
    if (!sameWords(text, start, end, all, from, all.indexOf('\n', from))) return false;
    if ((entry & ACRONYM) === 0) return true;
    // An acronym ("WHO", "NATO") names something only in capitals: "who" and "Who" are words.
    for (let at = start; at < end; at += 1) if (isLowerCase(text.charCodeAt(at))) return false;
    return true;
  }

  private nameOf(entry: number): string {
    const { text, starts } = this.table;
    const from = starts[(entry & ~ACRONYM) - 1]!;
    return text.slice(from, text.indexOf('\n', from));
  }

  /** Keeps a name's spelling; returns its entry for the table. */
  private remember(name: string, firstHash: number): number {
    const table = this.table;
    if (table.count === table.starts.length) {
      table.starts = grown(table.starts, table.count + 1);
      table.firstHashes = grown(table.firstHashes, table.count + 1);
    }
    table.starts[table.count] = table.text.length;
    table.firstHashes[table.count] = firstHash;
    addToFilter(table, firstHash);
    table.text += `${name}\n`;
    table.count += 1;
    const acronym = name.toUpperCase() === name && name.toLowerCase() !== name;
    return table.count | (acronym ? ACRONYM : 0);
  }

  /** Doubles the table: every sequence goes to its slot in the bigger one. */
  private grow(): void {
    const old = this.table;
    this.table = {
      ...emptyTable(old.keys.length * 2),
      firstHashes: old.firstHashes,
      text: old.text,
      starts: old.starts,
      count: old.count,
      used: old.used,
    };
    const { keys, names, continues } = this.table;
    for (let slot = 0; slot < old.keys.length; slot += 1) {
      const key = old.keys[slot]!;
      if (key === 0) continue;
      const to = slotOf(keys, key);
      keys[to] = key;
      names[to] = old.names[slot]!;
      continues[to] = old.continues[slot]!;
    }
    for (let name = 0; name < old.count; name += 1) addToFilter(this.table, old.firstHashes[name]!);
  }
}

/** The slot that holds `key`, or the empty slot where it would go (linear probing). */
function slotOf(keys: Int32Array, key: number): number {
  const mask = keys.length - 1;
  let slot = key & mask;
  while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
  return slot;
}

function emptyTable(slots: number): AliasTable {
  return {
    keys: new Int32Array(slots),
    names: new Int32Array(slots),
    continues: new Uint8Array(slots),
    firstWords: new Uint32Array(slots / 32),
    firstHashes: new Int32Array(64),
    text: '',
    starts: new Int32Array(64),
    count: 0,
    used: 0,
  };
}

function addToFilter(table: AliasTable, firstHash: number): void {
  const bit = firstHash & (table.keys.length - 1);
  table.firstWords[bit >>> 5]! |= 1 << (bit & 31);
}

/** `value` when it is a table `find` can read without going out of bounds; throws otherwise. */
function checkTable(value: unknown): AliasTable {
  const fail = (why: string): never => {
    throw new Error(`Not a known-names table: ${why}`);
  };
  if (typeof value !== 'object' || value === null) fail('no object');
  const table = value as Partial<AliasTable>;
  const { keys, names, continues, firstWords, firstHashes, text, starts, count, used } = table;
  if (!(keys instanceof Int32Array)) return fail('keys');
  const slots = keys.length;
  if (slots < 1024 || (slots & (slots - 1)) !== 0) fail('table size');
  if (!(names instanceof Int32Array) || names.length !== slots) fail('names');
  if (!(continues instanceof Uint8Array) || continues.length !== slots) fail('continues');
  if (!(firstWords instanceof Uint32Array) || firstWords.length !== slots / 32) fail('filter');
  if (typeof text !== 'string') fail('text');
  if (!Number.isInteger(count) || !Number.isInteger(used) || used! > slots / 2) fail('counts');
  for (const list of [starts, firstHashes])
    if (!(list instanceof Int32Array) || list.length < count!) fail('name list');
  for (let name = 0; name < count!; name += 1) {
    const start = starts![name]!;
    if (start < 0 || start >= text!.length || text!.indexOf('\n', start) < 0) fail('a name');
  }
  for (const entry of names!) if ((entry & ~ACRONYM) > count!) fail('a slot');
  return table as AliasTable;
}
