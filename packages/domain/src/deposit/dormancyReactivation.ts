import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { AccountId, MemberId } from '../shared/ids.ts';
import { DateString } from '../shared/codecs.ts';
import { commandCodec, eventCodec } from '../shared/shape.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { SavingsProduct } from '../products/depositProducts.ts';
import type { BusinessDate } from '../dates/businessDate.ts';
import { dormantSince, lastActivity, type ActivityOf } from './dormancy.ts';

/** Reactivate a dormant savings account (a branch manager's command, see permissions). */
export const ReactivateAccount = commandCodec('ReactivateAccount', { accountId: AccountId });
export type ReactivateAccount = t.TypeOf<typeof ReactivateAccount>;

/**
 * A dormant savings account was reactivated on `on`: dormant since `dormantSince`, its last
 * member activity before `lastActivityOn`. It counts as member activity from `on`.
 */
export const AccountReactivated = eventCodec('AccountReactivated', {
  accountId: AccountId, memberId: MemberId, on: DateString, lastActivityOn: DateString,
  dormantSince: DateString,
});
export type AccountReactivated = t.TypeOf<typeof AccountReactivated>;

/** Reactivates an account dormant on the command's date; refuses an active one. */
export const reactivate = (
  a: ActivityOf & { readonly memberId: AccountReactivated['data']['memberId'] },
  p: Pick<SavingsProduct, 'dormantAfterMonths'>, on: BusinessDate,
): E.Either<Rejection, ReadonlyArray<AccountReactivated>> => {
  const since = dormantSince(a, p, on);
  if (since === null) {
    return E.left({ type: 'account_not_dormant', accountId: a.accountId,
      lastActivityOn: lastActivity(a), dormantAfterMonths: p.dormantAfterMonths ?? null });
  }
  return E.right([{ type: 'AccountReactivated', data: { accountId: a.accountId,
    memberId: a.memberId, on, lastActivityOn: lastActivity(a), dormantSince: since } }]);
};
