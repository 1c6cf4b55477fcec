import { MemberId } from '@usha/domain';
import { indexChart, InvalidChartError, type ChartOfAccounts } from '@usha/projections';
import type { MemberDirectory } from '../directory/memberDirectory.ts';
import type { CheckpointStore } from '../runner/checkpointStore.ts';
import type { RunnableProjection } from '../runner/runnableProjection.ts';
import type { Backoff } from '../commands/backoff.ts';
import type { LedgerOptions } from './ledgerOptions.ts';

type Refuse = (field: string, reason: string) => never;

/** The most members whose passbooks a Ledger keeps line by line (a society is far smaller). */
export const maxPassbookMembers = 1_000_000;
/** The most events between two checkpoints of the runner's projection. */
export const maxCheckpointEveryEvents = 1_000_000_000;

// Whether `v` is an array; a revoked proxy makes Array.isArray throw: it is none.
const isArray = (v: unknown): v is unknown[] => {
  try {
    return Array.isArray(v);
  } catch {
    return false;
  }
};

const kindOf = (v: unknown): string => (v === null ? 'null' : isArray(v) ? 'an array'
  : typeof v);

// Reads a field of an object the caller gave, once, inside a try (a getter may throw).
const readField = (o: object, key: string, field: string, refuse: Refuse): unknown => {
  try {
    return Reflect.get(o, key);
  } catch (e) {
    return refuse(`${field}.${key}`, `could not be read (${e instanceof Error ? e.name : typeof e})`);
  }
};

/**
 * An object of methods, each read once and checked to be a function: a copy whose methods call
 * the ones read, on the object given (a getter or proxy behind them is not asked again).
 */
const methodsOf = <K extends string>(
  v: unknown, field: string, names: ReadonlyArray<K>, refuse: Refuse,
): Record<K, (...args: unknown[]) => unknown> => {
  if (v === null || typeof v !== 'object') return refuse(field, `not an object, got ${kindOf(v)}`);
  const copy = {} as Record<K, (...args: unknown[]) => unknown>; // filled below, one per name
  for (const name of names) {
    const f = readField(v, name, field, refuse);
    if (typeof f !== 'function') return refuse(`${field}.${name}`, 'not a function');
    copy[name] = (...args: unknown[]) => Reflect.apply(f, v, args);
  }
  return copy;
};

const optionalFunction = <F>(v: unknown, field: string, refuse: Refuse): F | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'function') return refuse(field, `not a function, got ${kindOf(v)}`);
  return v as F; // a function: how it is called is the option's documented signature
};

const optionalBoolean = (v: unknown, field: string, refuse: Refuse): boolean | undefined => {
  if (v === undefined || typeof v === 'boolean') return v;
  return refuse(field, `not true or false, got ${kindOf(v)}`);
};

const directoryMethods = [
  'put', 'get', 'putNominee', 'nominees', 'recordTdsExemption', 'tdsExempt', 'forget',
  'rotateMasterKey',
] as const satisfies ReadonlyArray<keyof MemberDirectory>;
const checkpointMethods = ['load', 'save'] as const satisfies ReadonlyArray<keyof CheckpointStore>;
const projectionMethods = ['initialState', 'apply', 'serialize', 'deserialize'] as const;

const checkpointStoreOf = (v: unknown, field: string, refuse: Refuse) =>
  v === undefined ? undefined
    // The copy has the port's two methods, checked functions; their results are checked where
    // they are used (a checkpoint that cannot be read is dropped).
    : methodsOf(v, field, checkpointMethods, refuse) as unknown as CheckpointStore;

const projectionOf = <S>(v: unknown, refuse: Refuse): RunnableProjection<S> | undefined => {
  if (v === undefined) return undefined;
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
  return { name, version, ...m } as unknown as RunnableProjection<S>;
};

const passbookMembersOf = (v: unknown, refuse: Refuse): ReadonlyArray<string> | undefined => {
  if (v === undefined) return undefined;
  if (!isArray(v)) return refuse('passbookMembers', `not an array, got ${kindOf(v)}`);
  let length: unknown;
  try {
    length = v.length;
  } catch {
    return refuse('passbookMembers', 'its length could not be read');
  }
  if (typeof length !== 'number' || length > maxPassbookMembers) {
    return refuse('passbookMembers', `more than ${maxPassbookMembers} members`);
  }
  const ids: string[] = [];
  for (let i = 0; i < length; i += 1) {
    const id = readField(v, String(i), 'passbookMembers', refuse);
    if (!MemberId.is(id)) return refuse(`passbookMembers.${i}`, 'not a member id');
    ids.push(id);
  }
  return ids;
};

const chartOf = (v: unknown, refuse: Refuse): ChartOfAccounts | undefined => {
  if (v === undefined) return undefined;
  try {
    // Decoded to a plain copy and checked whole: every role's account listed, no code twice.
    return indexChart(v).chart;
  } catch (e) {
    return refuse('chart', e instanceof InvalidChartError ? e.detail : 'not a chart');
  }
};

const everyEventsOf = (v: unknown, refuse: Refuse): number | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1
    || v > maxCheckpointEveryEvents) {
    return refuse('checkpointEveryEvents',
      `not a whole number of events from 1 to ${maxCheckpointEveryEvents}`);
  }
  return v;
};

/** The options `checkedOptionValues` checks, as the Ledger uses them. */
export interface CheckedOptionValues<S> {
  readonly directory: MemberDirectory | undefined;
  readonly projection: RunnableProjection<S> | undefined;
  readonly checkpoints: CheckpointStore | undefined;
  readonly reportCheckpoints: CheckpointStore | undefined;
  readonly checkpointEveryEvents: number | undefined;
  readonly netProfit: LedgerOptions<S>['netProfit'];
  readonly chart: ChartOfAccounts | undefined;
  readonly passbookMembers: ReadonlyArray<string> | undefined;
  readonly backoff: Backoff | undefined;
  readonly resume: boolean | undefined;
  readonly requireStaff: boolean | undefined;
}

/**
 * Checks the values of createLedger's options that name no store or product (those are checked
 * where they are opened and decoded): each is undefined (its default) or of its documented
 * shape, else `refuse` names the field. Objects of methods (directory, projection, checkpoint
 * stores) are read once, each method checked a function; the chart and the passbook members are
 * copied, so nothing the caller holds changes them after.
 */
export const checkedOptionValues = <S>(
  o: Readonly<Partial<Record<keyof LedgerOptions<S>, unknown>>>, refuse: Refuse,
): CheckedOptionValues<S> => ({
  directory: o.directory === undefined ? undefined
    // The directory port's methods, checked functions (openMemberDirectory makes one).
    : methodsOf(o.directory, 'directory', directoryMethods, refuse) as unknown as MemberDirectory,
  projection: projectionOf<S>(o.projection, refuse),
  checkpoints: checkpointStoreOf(o.checkpoints, 'checkpoints', refuse),
  reportCheckpoints: checkpointStoreOf(o.reportCheckpoints, 'reportCheckpoints', refuse),
  checkpointEveryEvents: everyEventsOf(o.checkpointEveryEvents, refuse),
  netProfit: optionalFunction(o.netProfit, 'netProfit', refuse),
  chart: chartOf(o.chart, refuse),
  passbookMembers: passbookMembersOf(o.passbookMembers, refuse),
  backoff: optionalFunction<Backoff>(o.backoff, 'backoff', refuse),
  resume: optionalBoolean(o.resume, 'resume', refuse),
  requireStaff: optionalBoolean(o.requireStaff, 'requireStaff', refuse),
});
