import { MemberId } from '@usha/domain';
import { indexChart, InvalidChartError, type ChartOfAccounts } from '@usha/projections';
import type { MemberDirectory } from '../directory/memberDirectory.ts';
import type { CheckpointStore } from '../runner/checkpointStore.ts';
import type { RunnableProjection } from '../runner/runnableProjection.ts';
import {
  checkpointStoreOf, isArray, kindOf, methodsOf, optionalBoolean, optionalFunction, projectionOf,
  readField,
} from '../optionValues.ts';
import type { Backoff } from '../commands/backoff.ts';
import type { LedgerOptions } from './ledgerOptions.ts';

type Refuse = (field: string, reason: string) => never;

const directoryMethods = [
  'put', 'get', 'putNominee', 'nominees', 'recordTdsExemption', 'tdsExempt', 'forget',
  'rotateMasterKey',
] as const satisfies ReadonlyArray<keyof MemberDirectory>;

/** The most members whose passbooks a Ledger keeps line by line (a society is far smaller). */
export const maxPassbookMembers = 1_000_000;
/** The most events between two checkpoints of the runner's projection. */
export const maxCheckpointEveryEvents = 1_000_000_000;

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
