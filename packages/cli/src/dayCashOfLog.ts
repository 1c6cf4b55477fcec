import { isRight } from 'fp-ts/lib/Either.js';
import { branchEvents, parseStreamName, type BranchEvent } from '@usha/domain';
import {
  comparePosition, dayCash, positionToString, type DayCash, type EventStore, type LedgerEvent,
  type Position,
} from '@usha/ledger';
import { ReportRefusedError } from './readProblem.ts';

/** Which day's cash to read: a branch, a business day, the log as known at a position. */
export interface DayCashOfLogRequest {
  readonly store: EventStore<LedgerEvent>;
  readonly branchId: string;
  readonly on: string;
  readonly knownAt?: Position;
}

const isBranchEvent = (e: LedgerEvent): e is LedgerEvent & BranchEvent =>
  Object.hasOwn(branchEvents, e.type);

// A day the branch held no cash and moved none: every figure of its report would be zero.
const heldNone = (d: DayCash): boolean => d.tills.length === 0 && !d.closed
  && Object.values(d.vault).every((minor) => minor === 0n);

/**
 * A branch's cash on one day, folded by the Ledger's own `dayCash` from the events of the
 * branch's stream, read from the whole log (so that the log's checks see every event) and
 * kept up to `knownAt`. Refused with a `ReportRefusedError`, rather than a report of zeros:
 * a branch with no cash entry in the log (naming those with one), a day it held no cash.
 * @example await dayCashOfLog({ store, branchId: 'SONAGACHI', on: '2024-04-02' })
 */
export const dayCashOfLog = async (r: DayCashOfLogRequest): Promise<DayCash> => {
  const events: BranchEvent[] = [];
  const branches = new Set<string>();
  for await (const e of r.store.readAll()) {
    if (r.knownAt !== undefined && comparePosition(e.position, r.knownAt) > 0) continue;
    const stream = parseStreamName(e.stream);
    if (!isBranchEvent(e) || !isRight(stream) || stream.right.aggregate !== 'branch') continue;
    branches.add(stream.right.id);
    if (stream.right.id === r.branchId) events.push(e);
  }
  const known = r.knownAt === undefined ? '' : ` as known at ${positionToString(r.knownAt)}`;
  if (events.length === 0) {
    const others = branches.size === 0 ? 'no branch has one'
      : `branches with one: ${[...branches].sort().join(', ')}`;
    throw new ReportRefusedError(`day-cash: --branch ${r.branchId}: no cash entry of that `
      + `branch in the log${known}; ${others}`);
  }
  const d = dayCash(r.branchId, r.on, events);
  if (!heldNone(d)) return d;
  const first = events.map((e) => e.data.on).reduce((a, b) => (b < a ? b : a));
  throw new ReportRefusedError(`day-cash: branch ${r.branchId} held and moved no cash on `
    + `${r.on}${known}${first > r.on ? `; its first cash entry is on ${first}` : ''}`);
};
