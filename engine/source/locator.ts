/** Positions beside parsed values: a key path into a document and the function that locates it. */
import type { Span } from '../diag/diagnostic.ts';

/** A path into a parsed document, as ajv's instancePath splits it: ['rule', 'threat', 0, 'tactic']. */
export type KeyPath = ReadonlyArray<string | number>;

/**
 * Finds a value's source range. `which: 'key'` gives the key's span (for "unknown property"
 * errors), `'value'` (default) the value's. Returns the nearest existing ancestor's span when the
 * path does not exist (e.g. a missing required property points at its parent).
 */
export type Locator = (path: KeyPath, which?: 'key' | 'value') => Span | undefined;
