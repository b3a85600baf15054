// Arbitraries that break real-shape responses the ways services and proxies break them: fields
// missing or of the wrong type, huge or odd strings, and bodies cut off part way.
import fc from 'fast-check';

/** Strings that have broken parsers before: empty, huge, lone surrogates, controls, markup. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '\u202e\u200f',
    'e\u0301\u0301\u0301',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '__proto__',
    'constructor',
  ),
  fc.nat({ max: 300_000 }).map((length) => 'x'.repeat(length)),
);

/** Any value a field might wrongly hold instead of what it should. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, NaN, Infinity, 1e308, [], {}),
  oddString,
  fc.array(fc.oneof(fc.integer(), oddString, fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(oddString, fc.oneof(fc.integer(), oddString), { maxKeys: 3 }),
);

/** Every path to a value inside `value`: object keys and array indices. */
function pathsIn(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsIn(item, [...prefix, key]))];
}

/** A copy of `value` with the thing at `path` replaced by `replacement`, or deleted when it is the marker. */
function changedAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const container = value as Record<string | number, unknown>;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(head as number, 1);
    else copy[head as number] = changedAt(container[head!], rest, replacement);
    return copy;
  }
  const copy = { ...container };
  if (rest.length === 0 && replacement === DELETE) delete copy[head!];
  else copy[head!] = changedAt(container[head!], rest, replacement);
  return copy;
}

const DELETE = Symbol('delete');

/** `sample` with one to four of its fields removed or replaced by odd values. */
export function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsIn(sample);
  const edit = fc.tuple(fc.nat({ max: paths.length - 1 }), fc.oneof(fc.constant(DELETE), oddValue));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let value: unknown = sample;
    for (const [index, replacement] of edits) {
      // Earlier edits may have removed the path: edit what is still there.
      const now = pathsIn(value);
      value = changedAt(value, now[index % now.length]!, replacement);
    }
    return value;
  });
}

/** `text` cut off anywhere, or with odd text spliced in anywhere. */
export function damagedText(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
    fc
      .tuple(fc.nat({ max: text.length }), oddString)
      .map(([at, inserted]) => text.slice(0, at) + inserted + text.slice(at)),
  );
}
