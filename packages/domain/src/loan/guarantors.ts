import * as t from 'io-ts';
import { AccountId, AccountIdInput, LoanId, MemberId, MemberIdInput } from '../shared/ids.ts';
import { DateString, MoneyString, PositiveMoneyInput } from '../shared/codecs.ts';
import { closed, eventCodec } from '../shared/shape.ts';

/** At most this many guarantors to a loan: each is a lien on a member's savings. */
export const MAX_GUARANTORS = 10;

const upTo = <C extends t.Mixed>(c: C, name: string) => t.refinement(t.array(c),
  (a) => a.length <= MAX_GUARANTORS, name);

/** A guarantor as an application names her: the member, her savings account, the amount. */
export const GuaranteeInput = closed({
  memberId: MemberIdInput, accountId: AccountIdInput, amount: PositiveMoneyInput,
}, 'GuaranteeInput');
/** The guarantors an application names (none to MAX_GUARANTORS). */
export const GuaranteesInput = upTo(GuaranteeInput, 'GuaranteesInput');

/** A guarantee as the log holds it: `amount` is liened on `accountId` once the loan is approved. */
export const Guarantee = closed({
  memberId: MemberId, accountId: AccountId, amount: MoneyString,
}, 'Guarantee');
export type Guarantee = t.TypeOf<typeof Guarantee>;

/**
 * The guarantors an application named, recorded beside LoanApplied (a new event, so that
 * LoanApplied and every log holding it stay as they are). Only opaque ids and amounts.
 */
export const GuarantorsNamed = eventCodec('GuarantorsNamed', {
  loanId: LoanId, memberId: MemberId, on: DateString,
  guarantors: upTo(Guarantee, 'Guarantees'),
});
export type GuarantorsNamed = t.TypeOf<typeof GuarantorsNamed>;
