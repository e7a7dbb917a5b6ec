import { formatNumber } from '../format/danish.js';

/**
 * The shape every JSON request body must have before anything validates it. A body of a megabyte can
 * hold tens of thousands of keys; class-validator then spends seconds of the event loop on them and
 * answers a list of errors as long as the body. These bounds are far above what any endpoint takes
 * (the largest DTOs have about twenty fields and lists of at most a few hundred items), so a body that
 * breaks one is refused at once with a short answer, in time linear in the body and stopping at the
 * first breach.
 */
export const JSON_BODY_BOUNDS = {
  /** Objects and arrays inside one another: `{"themes":[{"key":…}]}` is 3 deep. */
  maxDepth: 8,
  /** Members of one object. */
  maxKeys: 64,
  /** Items of one array. */
  maxItems: 1_000,
  /** Every object, array, string, number, boolean and null of the body together. */
  maxValues: 20_000,
} as const;

/** Keys that become prototypes once the body is copied into a DTO, where the whitelist cannot see them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonBodyRefusal = { kind: 'too-complex'; reason: string } | { kind: 'prototype-key'; key: string } | { kind: 'invalid-text'; path: string };

/** Thrown by {@link parseJsonBody}; the HTTP layer answers it as a 400 problem. */
export class JsonBodyError extends Error {
  constructor(readonly refusal: JsonBodyRefusal) {
    super(refusal.kind);
    this.name = 'JsonBodyError';
  }
}

/**
 * Text Postgres cannot store and no person types: a NUL character (refused by `text` and `jsonb`) or
 * half of a surrogate pair (refused by `jsonb`, turned into U+FFFD elsewhere).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

const childPath = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * Parses a JSON body and checks its shape against {@link JSON_BODY_BOUNDS}, its keys against the
 * prototype keys, and every key and string against {@link isStorableText}. An empty body is `{}`.
 */
export function parseJsonBody(text: string, bounds: typeof JSON_BODY_BOUNDS = JSON_BODY_BOUNDS): unknown {
  const value: unknown = text === '' ? {} : JSON.parse(text);
  checkShape(value, bounds);
  return value;
}

function checkShape(root: unknown, bounds: typeof JSON_BODY_BOUNDS): void {
  // An explicit stack: a recursive walk would let the body choose our stack depth.
  const stack: Array<{ value: unknown; depth: number; path: string }> = [{ value: root, depth: 0, path: '' }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    values += 1;
    if (values > bounds.maxValues) throw new JsonBodyError({ kind: 'too-complex', reason: `mere end ${formatNumber(bounds.maxValues)} værdier` });
    if (typeof value === 'string') {
      if (!isStorableText(value)) throw new JsonBodyError({ kind: 'invalid-text', path: path || '(body)' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= bounds.maxDepth) throw new JsonBodyError({ kind: 'too-complex', reason: `mere end ${bounds.maxDepth} niveauer inden i hinanden` });
    if (Array.isArray(value)) {
      if (value.length > bounds.maxItems)
        throw new JsonBodyError({ kind: 'too-complex', reason: `en liste med mere end ${formatNumber(bounds.maxItems)} elementer` });
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push({ value: value[index], depth: depth + 1, path: childPath(path, index) });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > bounds.maxKeys) throw new JsonBodyError({ kind: 'too-complex', reason: `et objekt med mere end ${bounds.maxKeys} felter` });
    for (const key of keys) {
      if (PROTOTYPE_KEYS.has(key)) throw new JsonBodyError({ kind: 'prototype-key', key });
      if (!isStorableText(key)) throw new JsonBodyError({ kind: 'invalid-text', path: path || '(body)' });
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: childPath(path, key) });
    }
  }
}
