import * as E from 'fp-ts/lib/Either.js';
import { plainInput, type PlainValue } from '@usha/domain';
import type { Position } from '../../eventStore/position.ts';
import type { ReadOptions } from './queryOptions.ts';

/** A query's request that is no plain object of fields: named with the query's name. */
export class QueryRequestError extends Error {
  override readonly name = 'QueryRequestError';
  constructor(readonly method: string, readonly reason: string) {
    super(`${method}: ${reason}`);
  }
}

/** A request's fields read: plain values, and apart its log positions (they hold bigints). */
export interface QueryFields {
  readonly fields: Readonly<Record<string, PlainValue>>;
  readonly read: ReadOptions;
}

// Named fields, not an array or a single value (readonly arrays escape Array.isArray's narrowing).
const isFields = (v: PlainValue): v is { readonly [key: string]: PlainValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The fields of a request that hold a log position, not a JSON value.
const positionFields = ['after', 'asKnownAt'] as const;

/**
 * A fresh copy of a position (two bigints from 0), or undefined when the value is none; a
 * getter or trap that throws throws here (callers read it inside a try).
 */
export const positionOf = (u: unknown): Position | undefined => {
  if (typeof u !== 'object' || u === null) return undefined;
  const commit: unknown = Reflect.get(u, 'commit');
  const prepare: unknown = Reflect.get(u, 'prepare');
  return typeof commit === 'bigint' && typeof prepare === 'bigint' && commit >= 0n
    && prepare >= 0n ? { commit, prepare } : undefined;
};

/**
 * A query's request read once into a copy: its own fields (each getter and proxy trap run
 * once, inside a try), the positions copied and every other field a plain JSON value, so a
 * revoked proxy, a getter that throws, a cycle or a huge string is refused with
 * `refuse(reason)` (the query's own typed error), never a TypeError of the runtime. What a
 * getter threw is never repeated: it could carry a name. A field not among `known` (when
 * given) is refused too: a misspelt `asof` must not answer for today as if it were not there;
 * its message lists the options read, the positions among them unless `positions` is false (a
 * request that takes none, which refuses a position given itself).
 */
export const queryRequest = (
  u: unknown, refuse: (reason: string) => Error, known?: ReadonlyArray<string>,
  positions = true,
): QueryFields => {
  const read = readFields(u);
  if (typeof read === 'string') throw refuse(read);
  const p = plainInput(read.fields);
  if (E.isLeft(p)) throw refuse(p.left.message);
  if (!isFields(p.right)) throw refuse('a request is an object of named fields');
  if (known !== undefined) {
    const unknown = Object.keys(p.right).find((k) => !known.includes(k));
    if (unknown !== undefined) {
      throw refuse(notAnOption(unknown, positions ? [...known, ...positionFields] : known));
    }
  }
  return { fields: p.right, read: read.positions };
};

// Why a field is refused: the options the query does read, so a misspelling is seen at once.
const notAnOption = (field: string, read: ReadonlyArray<string>): string =>
  `${field.slice(0, 40)}: not an option of this query (it reads ${read.join(', ')})`;

// The own fields with the positions apart, or why they cannot be read.
const readFields = (u: unknown):
  string | { fields: Record<string, unknown>; positions: { -readonly [K in keyof ReadOptions]:
    Position } } => {
  try {
    // A plain object only, as plainInput takes one: no array, Date, Map or class instance.
    const proto = typeof u === 'object' && u !== null ? Object.getPrototypeOf(u) : undefined;
    if ((proto !== Object.prototype && proto !== null) || Array.isArray(u)) {
      return 'the request must be an object of fields';
    }
    const fields: Record<string, unknown> = { ...(u as object) };
    // A field set to undefined is a field left out, as in JSON (`{ asOf: undefined }`).
    for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
    const positions: { -readonly [K in keyof ReadOptions]: Position } = {};
    for (const k of positionFields) {
      if (fields[k] === undefined) continue;
      const p = positionOf(fields[k]);
      if (p === undefined) return `${k}: not a log position`;
      positions[k] = p;
      delete fields[k];
    }
    return { fields, positions };
  } catch {
    return 'the request could not be read';
  }
};
