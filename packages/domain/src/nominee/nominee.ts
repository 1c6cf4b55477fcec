import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { AccountId, MemberId } from '../shared/ids.ts';
import { DateString, oneOf } from '../shared/codecs.ts';
import { commandCodec, eventCodec } from '../shared/shape.ts';
import type { Rejection } from '../shared/rejection.ts';
import { NomineeRef, NomineeRefInput } from './nomineeRef.ts';

/** The account a nominee is named on: the member's share account, or a deposit account. */
export const NomineeAccount = oneOf('NomineeAccount', ['shares', 'deposit'] as const);
export type NomineeAccount = t.TypeOf<typeof NomineeAccount>;

const named = { account: NomineeAccount, accountId: AccountId, memberId: MemberId };

/**
 * A nominee was named on an account: who is paid its balance if the member dies. The log holds
 * the directory's reference only; `replaces` names the nominee this one replaces (null for the
 * first). Moves no money.
 */
export const NomineeNominated = eventCodec('NomineeNominated', {
  ...named, on: DateString, nomineeRef: NomineeRef, replaces: t.union([NomineeRef, t.null]),
});
export type NomineeNominated = t.TypeOf<typeof NomineeNominated>;

/**
 * Name the nominee `nomineeRef` on an account (the share account is routed by `memberId`, a
 * deposit account by `accountId`); a second nomination replaces the first.
 */
export const NominateNominee = commandCodec('NominateNominee', {
  ...named, nomineeRef: NomineeRefInput,
});
export type NominateNominee = t.TypeOf<typeof NominateNominee>;

/** What a decider knows of an open account, for a nomination. */
export interface NominatedAccount {
  readonly accountId: AccountId;
  readonly memberId: MemberId;
  readonly nominee?: NomineeRef | undefined;
}

/**
 * The nomination of `c.nomineeRef` on an account already found open (by its own decider),
 * naming the nominee it replaces; `nominee_unchanged` when she is the nominee already.
 */
export const nominate = (
  c: NominateNominee['data'], s: NominatedAccount,
): E.Either<Rejection, ReadonlyArray<NomineeNominated>> => {
  if (s.memberId !== c.memberId) {
    return E.left({ type: 'wrong_aggregate', aggregate: c.account, expected: s.memberId,
      got: c.memberId });
  }
  const replaces = s.nominee ?? null;
  if (replaces === c.nomineeRef) return E.left({ type: 'nominee_unchanged', nomineeRef: replaces });
  return E.right([{ type: 'NomineeNominated', data: { account: c.account,
    accountId: s.accountId, memberId: s.memberId, on: c.on, nomineeRef: c.nomineeRef,
    replaces } }]);
};
