// The EventStoreDB store's own options, each checked before a client is made or used: a value
// that cannot be used is refused naming its field (StoreOptionsError through `refuse`), never
// taken as something else (a prefix that is no string would name other streams; a delay that is
// no number would resubscribe in a tight loop; a cache bound of NaN would never evict).
import { isStorableStreamName, readOptionFields, type RefuseOption } from './ledgerInternals.ts';
import type { EventStoreClient } from './eventStoreClient.ts';
import { defaultBackoff, type BackoffPolicy } from './resubscribeBackoff.ts';

/** The most event ids the retry cache may hold: a Map holds at most 2^24 entries. */
export const cacheMaxEventsLimit = 16_000_000;

/** The longest `streamPrefix`: a storable name is at most 200 characters, a prefix half that. */
export const streamPrefixLimit = 100;

// The longest delay a timer takes (a longer one fires at once: Node's TimeoutOverflowWarning).
const longestDelayMs = 2 ** 31 - 1;

const clientMethods = [
  'appendToStream', 'readStream', 'readAll', 'subscribeToAll', 'dispose',
] as const;

/**
 * `client`: undefined (a connection string is used), or an object whose methods the adapter
 * calls are functions: each read once, here; a method that cannot be read refuses the client.
 */
export const checkedClient = (v: unknown, refuse: RefuseOption): EventStoreClient | undefined => {
  if (v === undefined) return undefined;
  if (v === null || typeof v !== 'object') return refuse('client', 'not an object');
  const methods = readOptionFields(v, clientMethods, (name, why) => refuse(`client.${name}`, why));
  for (const name of clientMethods) {
    if (typeof methods[name] !== 'function') refuse(`client.${name}`, 'not a function');
  }
  return v as EventStoreClient;
};

/**
 * `streamPrefix`: undefined or `''` (none), or what may begin a stream name: printable, no
 * whitespace, no leading `$` (EventStoreDB's system streams), at most 100 characters.
 */
export const checkedStreamPrefix = (v: unknown, refuse: RefuseOption): string => {
  if (v === undefined || v === '') return '';
  return typeof v === 'string' && v.length <= streamPrefixLimit && isStorableStreamName(v) ? v
    : refuse('streamPrefix', `not the start of a stream name (printable, no whitespace, no `
      + `leading $, at most ${streamPrefixLimit} characters)`);
};

/** `cacheMaxEvents`: undefined (100,000), or a whole number of events from 0 to 16,000,000. */
export const checkedCacheMaxEvents = (v: unknown, refuse: RefuseOption): number => {
  if (v === undefined) return 100_000;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= cacheMaxEventsLimit
    ? v
    : refuse('cacheMaxEvents', `not a whole number of events from 0 to ${cacheMaxEventsLimit}`);
};

/** `onResubscribe`: undefined (told to nobody) or a function. */
export const checkedOnResubscribe = <F extends (...args: never[]) => unknown>(
  v: unknown, refuse: RefuseOption,
): F | undefined =>
  v === undefined || typeof v === 'function' ? v as F | undefined
    : refuse('onResubscribe', 'not a function');

/**
 * `resubscribe`: undefined (the defaults) or an object of the policy's fields, each read once
 * and each optional: delays a whole number of milliseconds from 0 to 2^31 - 1, `maxAttempts` a
 * whole number from 0; a field left out keeps its default.
 */
export const checkedResubscribe = (v: unknown, refuse: RefuseOption): BackoffPolicy => {
  if (v === undefined) return defaultBackoff;
  if (v === null || typeof v !== 'object') return refuse('resubscribe', 'not an object');
  const f = readOptionFields(v, ['initialDelayMs', 'maxDelayMs', 'maxAttempts'],
    (field, why) => refuse(`resubscribe.${field}`, why));
  const delay = (field: 'initialDelayMs' | 'maxDelayMs'): number => {
    const d = f[field];
    if (d === undefined) return defaultBackoff[field];
    return typeof d === 'number' && Number.isSafeInteger(d) && d >= 0 && d <= longestDelayMs ? d
      : refuse(`resubscribe.${field}`, `not a whole number of milliseconds from 0 to `
        + `${longestDelayMs}`);
  };
  const attempts = f.maxAttempts;
  return {
    initialDelayMs: delay('initialDelayMs'),
    maxDelayMs: delay('maxDelayMs'),
    maxAttempts: attempts === undefined ? defaultBackoff.maxAttempts
      : typeof attempts === 'number' && Number.isSafeInteger(attempts) && attempts >= 0
        ? attempts : refuse('resubscribe.maxAttempts', 'not a whole number from 0'),
  };
};

/** How the store checks an append's conditions (see `EventStoreDbStoreOptions`). */
export type ConditionMode = 'checked-before' | 'atomic';

/**
 * `appendConditions`: undefined or `'checked-before'` (read just before the append: any
 * client, any server), or `'atomic'`: checked by the server in the append itself, through
 * KurrentDB's AppendRecords, so the client given must have `appendRecords` (the KurrentDB
 * client 1.2 and later; the server must be KurrentDB 26.1 or later).
 */
export const checkedAppendConditions = (v: unknown, client: EventStoreClient | undefined,
  refuse: RefuseOption): ConditionMode => {
  if (v === undefined || v === 'checked-before') return 'checked-before';
  if (v !== 'atomic') return refuse('appendConditions', "not 'checked-before' or 'atomic'");
  const method = client === undefined ? undefined
    : readOptionFields(client, ['appendRecords'], (name, why) => refuse(`client.${name}`, why))
      .appendRecords;
  if (typeof method !== 'function') {
    refuse('appendConditions', "'atomic' needs a client given whose appendRecords checks other "
      + 'streams in the append (@kurrent/kurrentdb-client 1.2 or later, against KurrentDB 26.1 '
      + 'or later); @eventstore/db-client has none');
  }
  return 'atomic';
};
