import { types } from 'node:util';
import type { Either } from 'fp-ts/lib/Either.js';
import { decodesToPlainEvents, type EventSchema } from './eventSchema.ts';
import type { FieldFailure } from './fieldPath.ts';
import type { EventShape } from './port.ts';
import { isStorableMs } from './storedInstant.ts';
import { thrownName } from './thrownName.ts';

/** A store's option that cannot be used: the field (`''`: the options as a whole) and why. */
export class StoreOptionsError extends Error {
  override readonly name: string = 'StoreOptionsError';
  constructor(store: string, readonly field: string, readonly reason: string) {
    super(field === '' ? `${store} options: ${reason}` : `${store} option ${field}: ${reason}`);
  }
}

/** Refuses a field of a store's options: throws the store's own typed error. */
export type RefuseOption = (field: string, reason: string) => never;

/** The largest `maxAppendBytes`: one append is built and hashed in memory as one buffer. */
export const maxAppendBytesLimit = 2 ** 30;

/**
 * Reads the named fields of a store's options, each once, into a plain record: whatever the
 * value is (a getter, a proxy whose traps throw), what is checked afterwards is what is used.
 */
export const readOptionFields = <K extends string>(
  given: unknown, names: readonly K[], refuse: RefuseOption,
): Record<K, unknown> => {
  if (given === null || typeof given !== 'object') refuse('', 'not an object of options');
  const read = {} as Record<K, unknown>; // filled below, one key per name
  for (const name of names) {
    try {
      read[name] = Reflect.get(given, name);
    } catch (e) {
      refuse(name, `could not be read (${thrownName(e)})`);
    }
  }
  return read;
};

/** `maxAppendBytes`: undefined (the default) or a whole number of bytes from 1 to 1 GiB. */
export const checkedMaxAppendBytes = (
  v: unknown, byDefault: number, refuse: RefuseOption,
): number => {
  if (v === undefined) return byDefault;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > maxAppendBytesLimit) {
    return refuse('maxAppendBytes',
      `not a whole number of bytes from 1 to ${maxAppendBytesLimit}`);
  }
  return v;
};

/**
 * A path the file system can be asked about: a non-empty string without NUL bytes (Node refuses
 * a NUL byte, untyped), else refused naming `field`.
 */
export const checkedPath = (field: string, v: unknown, refuse: RefuseOption): string =>
  typeof v === 'string' && v !== '' && !v.includes('\0') ? v
    : refuse(field, 'not a path (a non-empty string without NUL bytes)');

/**
 * A count of bytes or events: undefined (the default), a whole number from 0, or Infinity
 * (never), else refused naming `field`.
 */
export const checkedCount = (
  field: string, v: unknown, byDefault: number, unit: 'bytes' | 'events', refuse: RefuseOption,
): number => {
  if (v === undefined) return byDefault;
  if (v === Number.POSITIVE_INFINITY) return v;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v
    : refuse(field, `not a whole number of ${unit} from 0, nor Infinity`);
};

type Method = (arg: unknown) => unknown;
const methodOf = (schema: object, name: 'decode' | 'encode', refuse: RefuseOption): Method => {
  let m: unknown;
  try {
    m = Reflect.get(schema, name);
  } catch (e) {
    const why = thrownName(e);
    return refuse(`schema.${name}`, `could not be read (${why})`);
  }
  return typeof m === 'function'
    ? (arg) => Reflect.apply(m, schema, [arg])
    : refuse(`schema.${name}`, 'not a function');
};

/**
 * `schema`: an object with `decode` and `encode` functions, each read once. One made by
 * `eventSchemaFromCodecs` is kept as it is (the stores' fast reads know it by identity); any
 * other is called through the methods read here, so a getter cannot swap them later.
 */
export const checkedSchema = <E extends EventShape>(
  v: EventSchema<E> | unknown, refuse: RefuseOption,
): EventSchema<E> => {
  if (v === null || typeof v !== 'object') return refuse('schema', 'not an object');
  if (decodesToPlainEvents(v)) return v as EventSchema<E>; // built by eventSchemaFromCodecs
  const decode = methodOf(v, 'decode', refuse);
  const encode = methodOf(v, 'encode', refuse);
  // What encode answers is checked where it is used (prepareAppend, exportLog); decode's here.
  return { decode: (stored) => decodedEither<E>(decode, stored),
    encode: (event) => encode(event) as ReturnType<EventSchema<E>['encode']> };
};

const refused = (message: string): Either<FieldFailure, never> =>
  ({ _tag: 'Left', left: { field: '', message } });

// An app's decode, its answer read once into an Either the stores read: a throw, an answer that
// is no Either, a Left without a field and message or a Right without an event is a Left saying
// so. An event so decoded is refused before it is written (prepareAppend decodes it first), and
// a line read back fails with the store's typed error, never a TypeError.
const decodedEither = <E extends EventShape>(
  decode: Method, stored: unknown,
): Either<FieldFailure, E> => {
  try {
    const r = decode(stored);
    const noEither = 'the schema\'s decode answered no Either';
    if (r === null || typeof r !== 'object') return refused(noEither);
    const tag: unknown = Reflect.get(r, '_tag');
    if (tag === 'Left') {
      const left: unknown = Reflect.get(r, 'left');
      const field: unknown = left !== null && typeof left === 'object'
        ? Reflect.get(left, 'field') : undefined;
      const message: unknown = left !== null && typeof left === 'object'
        ? Reflect.get(left, 'message') : undefined;
      return typeof field === 'string' && typeof message === 'string'
        ? { _tag: 'Left', left: { field, message } }
        : refused('the schema\'s decode refused it without a field and message');
    }
    const right: unknown = tag === 'Right' ? Reflect.get(r, 'right') : undefined;
    if (right === null || typeof right !== 'object') return refused(noEither);
    const type: unknown = Reflect.get(right, 'type');
    if (typeof type !== 'string') return refused('the schema decoded an event without a type');
    // Its three fields read once: a getter or proxy answers here only.
    const data: unknown = Reflect.get(right, 'data');
    const event = { type, data, metadata: Reflect.get(right, 'metadata') };
    return { _tag: 'Right', right: event as unknown as E };
  } catch (e) {
    return refused(`the schema's decode threw (${thrownName(e)})`);
  }
};

/**
 * `now`: undefined (the system clock) or a function. Its answers are checked when it is called:
 * a clock that throws, answers no valid Date or one outside the years 0000-9999 (what a line's
 * recorded time can hold) fails that call with the store's typed error.
 */
export const checkedClock = (v: unknown, refuse: RefuseOption): (() => Date) | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'function') return refuse('now', 'not a function');
  return () => {
    let d: unknown;
    try {
      d = Reflect.apply(v, undefined, []);
    } catch (e) {
      return refuse('now', `threw (${thrownName(e)})`);
    }
    // A real Date, read by Date's own method: a proxy or an overridden getTime cannot answer.
    const ms = types.isDate(d) ? Date.prototype.getTime.call(d) : Number.NaN;
    if (Number.isNaN(ms)) return refuse('now', 'did not answer a valid Date');
    // A line keeps the time as `toISOString` writes it, four digits of year: beyond, the
    // line would be written and the log then refuse it when it opens.
    if (!isStorableMs(ms)) return refuse('now', 'answered a Date outside the years 0000-9999');
    return new Date(ms);
  };
};
