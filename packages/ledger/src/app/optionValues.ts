// Checks of option values, whatever kind the caller gave (createLedger, createProjectionRunner):
// each field read once inside a try, objects of methods copied, their methods checked functions.
import type { CheckpointStore } from './runner/checkpointStore.ts';
import type { RunnableProjection } from './runner/runnableProjection.ts';
import { thrownName } from '../eventStore/thrownName.ts';

/** Refuses a field: throws the caller's own typed error. */
export type Refuse = (field: string, reason: string) => never;

// Whether `v` is an array; a revoked proxy makes Array.isArray throw: it is none.
export const isArray = (v: unknown): v is unknown[] => {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
};

export const kindOf = (v: unknown): string => (v === null ? 'null' : isArray(v) ? 'an array'
  : typeof v);

// Reads a field of an object the caller gave, once, inside a try (a getter may throw).
export const readField = (o: object, key: string, field: string, refuse: Refuse): unknown => {
  try {
    return Reflect.get(o, key);
  } catch (e) {
    const why = thrownName(e);
    return refuse(`${field}.${key}`, `could not be read (${why})`);
  }
};

// The copies made here: a copy handed on (createLedger to its projection runner) is taken as it
// is, not checked and wrapped again (each wrap is one more call for every event applied).
type CopyKind = 'projection' | 'checkpoints';
const checkedCopies = new WeakMap<object, CopyKind>();
const isCheckedCopy = (v: unknown, kind: CopyKind): boolean =>
  typeof v === 'object' && v !== null && checkedCopies.get(v) === kind;
const checkedCopy = <T extends object>(copy: T, kind: CopyKind): T => {
  checkedCopies.set(copy, kind);
  return copy;
};

/**
 * An object of methods, each read once and checked to be a function: a copy whose methods call
 * the ones read, on the object given (a getter or proxy behind them is not asked again).
 */
export const methodsOf = <K extends string>(
  v: unknown, field: string, names: ReadonlyArray<K>, refuse: Refuse,
): Record<K, (...args: unknown[]) => unknown> => {
  if (v === null || typeof v !== 'object') {
    return refuse(field, `not an object, got ${kindOf(v)}`);
  }
  const copy = {} as Record<K, (...args: unknown[]) => unknown>; // filled below, one per name
  for (const name of names) {
    const f = readField(v, name, field, refuse);
    if (typeof f !== 'function') return refuse(`${field}.${name}`, 'not a function');
    copy[name] = (...args: unknown[]) => Reflect.apply(f, v, args);
  }
  return copy;
};

export const optionalFunction = <F>(v: unknown, field: string, refuse: Refuse): F | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'function') return refuse(field, `not a function, got ${kindOf(v)}`);
  return v as F; // a function: how it is called is the option's documented signature
};

export const optionalBoolean = (v: unknown, field: string, refuse: Refuse): boolean | undefined => {
  if (v === undefined || typeof v === 'boolean') return v;
  return refuse(field, `not true or false, got ${kindOf(v)}`);
};

const checkpointMethods = ['load', 'save'] as const satisfies ReadonlyArray<keyof CheckpointStore>;
const projectionMethods = ['initialState', 'apply', 'serialize', 'deserialize'] as const;

export const checkpointStoreOf = (v: unknown, field: string, refuse: Refuse) =>
  v === undefined ? undefined
    // The copy has the port's two methods, checked functions; their results are checked where
    // they are used (a checkpoint that cannot be read is dropped).
    : (isCheckedCopy(v, 'checkpoints') ? v
      : checkedCopy(methodsOf(v, field, checkpointMethods, refuse), 'checkpoints')) as unknown as
      CheckpointStore;

export const projectionOf = <S>(v: unknown, refuse: Refuse): RunnableProjection<S> | undefined => {
  if (v === undefined) return undefined;
  // A copy made below, handed on.
  if (isCheckedCopy(v, 'projection')) return v as RunnableProjection<S>;
  const m = methodsOf(v, 'projection', projectionMethods, refuse);
  const name = readField(Object(v), 'name', 'projection', refuse);
  const version = readField(Object(v), 'version', 'projection', refuse);
  if (typeof name !== 'string' || name.length === 0) {
    return refuse('projection.name', 'not a name (a non-empty string)');
  }
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return refuse('projection.version', 'not a whole number');
  }
  // Its methods as read, called on the projection given (the shape of RunnableProjection).
  return checkedCopy({ name, version, ...m }, 'projection') as unknown as RunnableProjection<S>;
};

