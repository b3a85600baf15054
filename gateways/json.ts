/**
 * Narrowing helpers for parsing answers from outside: every parser reads `unknown` through these,
 * so a missing field or a wrong type becomes `undefined`, never an exception.
 */

/** A plain object, or undefined for anything else (arrays and null included). */
export const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** A string with something in it, or undefined. */
export const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The values of an array, or of an object used as one (older API answers key pages by id). */
export const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : Object.values(asRecord(value) ?? {});
