import { types } from 'node:util';
import {
  checkedClock, checkedCount, checkedMaxAppendBytes, checkedPath, checkedSchema, readOptionFields,
  StoreOptionsError,
  type RefuseOption,
} from '../eventStore/storeOptionFields.ts';
import type { EventShape } from '../eventStore/port.ts';
import type { FileEventStoreOptions } from './fileEventStore.ts';
import {
  defaultCheckpointEveryBytes, defaultCheckpointOnCloseAfterBytes,
} from './fileIndexCheckpointer.ts';
import { SigningKeyError, type KeyInput } from './signingKeys.ts';

/** File store options that cannot be used: the field (`''`: the options as a whole) and why. */
export class FileStoreOptionsError extends StoreOptionsError {
  override readonly name = 'FileStoreOptionsError';
  constructor(field: string, reason: string) {
    super('file store', field, reason);
  }
}

/** The options as read once and checked, defaults filled in: what the open uses. */
export interface FileStoreSettings<E extends EventShape> extends FileEventStoreOptions<E> {
  readonly mode: 'read-write' | 'read-only';
  readonly maxAppendBytes: number;
  readonly verify: 'checkpoint' | 'full';
  readonly checkpointEveryBytes: number;
  readonly checkpointOnCloseAfterBytes: number;
  readonly durableWrites: 'blocking' | 'threaded';
}

const names = [
  'file', 'schema', 'mode', 'maxAppendBytes', 'now', 'signingKey', 'verifyKey', 'signedAfter',
  'verify', 'checkpointEveryBytes', 'checkpointOnCloseAfterBytes', 'spaceAheadBytes',
  'durableWrites',
] as const;

const refuse: RefuseOption = (field, reason) => {
  throw new FileStoreOptionsError(field, reason);
};

const defaultMaxAppendBytes = 1024 * 1024;
const hashPattern = /^[0-9a-f]{64}$/;

const oneOf = <T extends string>(field: string, v: unknown, allowed: readonly T[]): T => {
  const found = allowed.find((a) => a === v);
  return found ?? refuse(field, `not one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
};

// A KeyInput copied into a plain record, each field read once; a real KeyObject as it is. A key
// of none of the four forms is the key loader's refusal (SigningKeyError), as it always was.
const checkedKey = (v: unknown): KeyInput | undefined => {
  if (v === undefined) return undefined;
  // isKeyObject reads a property, so a proxy (which could pass for a key) is asked first.
  if (!types.isProxy(v) && types.isKeyObject(v)) return v;
  if (v === null || typeof v !== 'object') throw new SigningKeyError(keyForms);
  for (const form of ['pem', 'file', 'env'] as const) {
    const s = readOptionFields(v, [form], (_, why) => {
      throw new SigningKeyError(`{ ${form} } ${why}`);
    })[form];
    if (s === undefined) continue;
    if (typeof s !== 'string') throw new SigningKeyError(`{ ${form} } must be a string`);
    return form === 'pem' ? { pem: s } : form === 'file' ? { file: s } : { env: s };
  }
  throw new SigningKeyError(keyForms);
};

const keyForms = 'expected a KeyObject, { pem }, { file } or { env }';

/**
 * The file store's options read once and checked before any file is touched: each field is
 * read at most once (a getter, a proxy), and one that cannot be used is refused with
 * FileStoreOptionsError naming it (a key of none of the four forms: SigningKeyError, as the
 * key loader refuses it). `spaceAheadBytes` keeps its documented leniency: a value given
 * that is not a whole number of bytes up to 1 GiB keeps no space (it is read once all the same).
 */
export const fileStoreOptions = <E extends EventShape>(
  given: FileEventStoreOptions<E>,
): FileStoreSettings<E> => {
  const o = readOptionFields(given, names, refuse);
  const signedAfter = o.signedAfter;
  if (signedAfter !== undefined && (typeof signedAfter !== 'string'
    || !hashPattern.test(signedAfter))) {
    refuse('signedAfter', 'not a line hash (64 lowercase hex digits)');
  }
  const now = checkedClock(o.now, refuse);
  const signingKey = checkedKey(o.signingKey);
  const verifyKey = checkedKey(o.verifyKey);
  return {
    file: checkedPath('file', o.file, refuse),
    schema: checkedSchema<E>(o.schema, refuse),
    mode: o.mode === undefined ? 'read-write' : oneOf('mode', o.mode, ['read-write', 'read-only']),
    maxAppendBytes: checkedMaxAppendBytes(o.maxAppendBytes, defaultMaxAppendBytes, refuse),
    verify: o.verify === undefined ? 'checkpoint'
      : oneOf('verify', o.verify, ['checkpoint', 'full']),
    // 0 (after every append, as 1) was always accepted: apps that pass it keep opening logs.
    checkpointEveryBytes: checkedCount('checkpointEveryBytes', o.checkpointEveryBytes,
      defaultCheckpointEveryBytes, 'bytes', refuse),
    checkpointOnCloseAfterBytes: checkedCount('checkpointOnCloseAfterBytes',
      o.checkpointOnCloseAfterBytes, defaultCheckpointOnCloseAfterBytes, 'bytes', refuse),
    durableWrites: o.durableWrites === undefined ? 'blocking'
      : oneOf('durableWrites', o.durableWrites, ['blocking', 'threaded']),
    ...(now === undefined ? {} : { now }),
    ...(signingKey === undefined ? {} : { signingKey }),
    ...(verifyKey === undefined ? {} : { verifyKey }),
    ...(typeof signedAfter === 'string' ? { signedAfter } : {}),
    // Left out: the default step. Given but not a number: no space (what `spaceStep` does with
    // every value it cannot use).
    ...(o.spaceAheadBytes === undefined ? {}
      : { spaceAheadBytes: typeof o.spaceAheadBytes === 'number' ? o.spaceAheadBytes : 0 }),
  };
};
