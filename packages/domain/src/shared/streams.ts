import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  isOpaqueId, type AccountId, type BranchId, type CommandId, type LoanId, type MemberId, type SocietyId,
  type UserId,
} from './ids.ts';

/** The aggregates of the domain, and the prefix of their streams. */
export type AggregateKind =
  | 'member' | 'shares' | 'deposit' | 'loan' | 'society' | 'staff' | 'approval'
  | 'standing' | 'branch';

/** `member-<memberId>`: admission, transfers and exit. */
export const memberStream = (id: MemberId): string => `member-${id}`;
/** `shares-<memberId>`: a member's one share account. */
export const sharesStream = (id: MemberId): string => `shares-${id}`;
/** `deposit-<accountId>`: one savings, recurring or fixed deposit account. */
export const depositStream = (id: AccountId): string => `deposit-${id}`;
/** `loan-<loanId>`: one loan, from application to closure. */
export const loanStream = (id: LoanId): string => `loan-${id}`;
/** `society-<societyId>`: configuration, year closes, dividends. */
export const societyStream = (id: SocietyId): string => `society-${id}`;
/** `staff-<userId>`: one member of staff's appointments and revocations. */
export const staffStream = (id: UserId): string => `staff-${id}`;
/** `approval-<commandId>`: the request for a command that needs a checker, by its id. */
export const approvalStream = (id: CommandId): string => `approval-${id}`;
/** `standing-<instructionId>`: one standing instruction and each due date it decided. */
export const standingStream = (id: string): string => `standing-${id}`;
/** `branch-<branchId>`: a branch's vault, tills and days (one stream: cash is decided in order). */
export const branchStream = (id: BranchId): string => `branch-${id}`;

/** The stream names, by aggregate. @example streamNameFor.loan(loanId) === 'loan-L1' */
export const streamNameFor = {
  member: memberStream,
  shares: sharesStream,
  deposit: depositStream,
  loan: loanStream,
  society: societyStream,
  staff: staffStream,
  approval: approvalStream,
  standing: standingStream,
  branch: branchStream,
} as const;

const isAggregateKind = (s: string): s is AggregateKind =>
  s === 'member' || s === 'shares' || s === 'deposit' || s === 'loan' || s === 'society'
  || s === 'staff' || s === 'approval' || s === 'standing' || s === 'branch';

/**
 * Splits a stream name into its aggregate and id. The aggregate ends at the first `-`, as
 * EventStoreDB's by-category projection reads it, so ids may contain dashes.
 * @example parseStreamName('loan-L-1') // right({ aggregate: 'loan', id: 'L-1' })
 */
export const parseStreamName = (
  stream: string,
): Either<string, { readonly aggregate: AggregateKind; readonly id: string }> => {
  const dash = stream.indexOf('-');
  const aggregate = dash < 0 ? '' : stream.slice(0, dash);
  const id = stream.slice(dash + 1);
  if (!isAggregateKind(aggregate)) {
    return left(`unknown stream category in ${JSON.stringify(stream)}`);
  }
  if (!isOpaqueId(id)) return left(`bad aggregate id in ${JSON.stringify(stream)}`);
  return right({ aggregate, id });
};
