import * as E from 'fp-ts/lib/Either.js';
import { minorOf, type MoneyString } from '../shared/codecs.ts';
import type { BranchId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { BranchDayFact } from './branchDayFact.ts';
import type { TillId } from './tillId.ts';

/** An admission's fee, the till it names and the command's id (the till move's step id). */
export interface FeeAtTill {
  readonly branchId: BranchId;
  readonly tillId: TillId | undefined;
  readonly commandId: string;
  readonly fee: MoneyString | null;
}

/**
 * Right when a fee naming a till was taken by that till: the branch's stream holds, under the
 * command's id, an unreleased movement of that fee into that till (`cashAtTill` stores it
 * first). A fee recorded at a till that never took the cash would leave the till's count short
 * of the books. No till named, or no fee: nothing to check; no day read (the decider alone):
 * none checked.
 * @example tillTookFee({ branchId: 'SONAGACHI', tillId: 'T1', commandId: 'adm-1', fee: '47.00' },
 *   { branchId: 'SONAGACHI', closedThrough: null, tillMoved: false })
 *   // Left({ type: 'till_not_moved', branchId: 'SONAGACHI', tillId: 'T1', stepId: 'adm-1',
 *   //   amount: '47.00' })
 */
export const tillTookFee = (
  c: FeeAtTill, day: BranchDayFact | undefined,
): E.Either<Rejection, true> => {
  if (c.tillId === undefined || c.fee === null || day === undefined) return E.right(true);
  const m = day.tillMoved ? day.tillMove : undefined;
  return m !== undefined && m.tillId === c.tillId && m.purpose === 'fee'
    && minorOf(m.amount) === minorOf(c.fee) ? E.right(true)
    : E.left({ type: 'till_not_moved', branchId: c.branchId, tillId: c.tillId,
      stepId: c.commandId, amount: c.fee });
};
