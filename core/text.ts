/**
 * The first `count` sentences of a plain-text extract, so a card stays short. A full stop ends a
 * sentence only when a space and a capital or digit follow and the word before it is not a lone
 * initial ("U.S. Navy", "J. R. R. Tolkien"), which keeps common abbreviations whole.
 */
export function firstSentences(text: string, count: number): string {
  const boundary = /([.!?])(["”’)]?)\s+(?=[\p{Lu}\p{N}"“‘(])/gu;
  let seen = 0;
  for (const match of text.matchAll(boundary)) {
    const before = text.slice(0, match.index);
    if (match[1] === '.' && /(?:^|[\s.])\p{Lu}$/u.test(before)) continue;
    seen += 1;
    if (seen === count) return text.slice(0, match.index + match[1]!.length + match[2]!.length);
  }
  return text.trim();
}

/** Only http(s) URLs may become links or images; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An address without its query and fragment (which often say who the reader is). */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/** A surrogate without its other half: text no URL can carry (`encodeURIComponent` throws on it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text is well-formed UTF-16: every surrogate in its pair. */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** A count with its noun: "1 card", "3 cards" ("1 set", "2 sets" with `many` where it differs). */
export const countOf = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;
