import * as t from 'io-ts';
import { AccountId, EventId, MemberId, ProductId } from '../shared/ids.ts';
import {
  DateString, FinancialYearLabel, MoneyString, PositiveCount, RatePercent, oneOf,
} from '../shared/codecs.ts';
import { eventCodec } from '../shared/shape.ts';
import { EventReversed } from '../shared/correction.ts';
import { GuaranteeCalled, LienPlaced, LienReleased } from './liens.ts';
import { BranchAtOpening } from '../member/branchAtOpening.ts';
import { NomineeNominated } from '../nominee/nominee.ts';
import { TdsDeducted } from '../tds/tdsDeducted.ts';
import { TermUnitCodec } from '../products/termUnit.ts';
import { TdsReversed } from '../tds/tdsReversed.ts';
import { AccountReactivated } from './dormancyReactivation.ts';
import { DepositChargeApplied } from '../charges/depositChargeApplied.ts';

const account = { accountId: AccountId, memberId: MemberId };

/** Where money paid into a deposit account came from. */
export const DepositSource = oneOf('DepositSource',
  ['cash', 'transfer', 'dividend', 'interest_transfer'] as const);

// Where an account was opened: the member's branch then (see BranchAtOpening).
const opened = { ...account, branchId: BranchAtOpening };

/** A savings account was opened; the rate and minimum balance are the product's then. */
export const SavingsAccountOpened = eventCodec('SavingsAccountOpened', {
  ...opened, productId: ProductId, on: DateString,
  rateAnnualPercent: RatePercent, minimumBalance: MoneyString,
});
export type SavingsAccountOpened = t.TypeOf<typeof SavingsAccountOpened>;

/** A recurring deposit was opened: instalment n is due on `on` + (n - 1) months. */
export const RecurringDepositOpened = eventCodec('RecurringDepositOpened', {
  ...opened, productId: ProductId, on: DateString,
  rateAnnualPercent: RatePercent, instalment: MoneyString, termMonths: PositiveCount,
  maturesOn: DateString,
});
export type RecurringDepositOpened = t.TypeOf<typeof RecurringDepositOpened>;

/**
 * A fixed deposit was opened with its principal paid in, for `term` days, weeks, months or
 * years (`termUnit`; version 2 had `termMonths`, read as months).
 */
export const FixedDepositOpened = eventCodec('FixedDepositOpened', {
  ...opened, productId: ProductId, on: DateString,
  rateAnnualPercent: RatePercent, principal: MoneyString, term: PositiveCount,
  termUnit: TermUnitCodec, maturesOn: DateString,
});
export type FixedDepositOpened = t.TypeOf<typeof FixedDepositOpened>;

/** Money paid in; `instalmentNumber` for a recurring deposit, else null. */
export const Deposited = eventCodec('Deposited', {
  eventId: EventId, ...account, on: DateString, amount: MoneyString, source: DepositSource,
  instalmentNumber: t.union([PositiveCount, t.null]), balanceAfter: MoneyString,
});
export type Deposited = t.TypeOf<typeof Deposited>;

/** Money paid out of a savings account. */
export const Withdrawn = eventCodec('Withdrawn', {
  eventId: EventId, ...account, on: DateString, amount: MoneyString, balanceAfter: MoneyString,
});
export type Withdrawn = t.TypeOf<typeof Withdrawn>;

/** Interest for the days `periodFrom` to `periodTo` (both included), credited. */
export const InterestPosted = eventCodec('InterestPosted', {
  eventId: EventId, ...account, on: DateString, periodFrom: DateString, periodTo: DateString,
  amount: MoneyString, balanceAfter: MoneyString,
});
export type InterestPosted = t.TypeOf<typeof InterestPosted>;

/** A recurring deposit instalment was not paid by its due date. */
export const RecurringInstalmentMissed = eventCodec('RecurringInstalmentMissed', {
  ...account, on: DateString, instalmentNumber: PositiveCount, dueOn: DateString,
});
export type RecurringInstalmentMissed = t.TypeOf<typeof RecurringInstalmentMissed>;

/** A recurring or fixed deposit reached maturity; its final interest is credited. */
export const DepositMatured = eventCodec('DepositMatured', {
  ...account, on: DateString, interest: MoneyString, maturityAmount: MoneyString,
});
export type DepositMatured = t.TypeOf<typeof DepositMatured>;

/** A recurring or fixed deposit closed before maturity, with interest at the reduced rate. */
export const DepositClosedEarly = eventCodec('DepositClosedEarly', {
  ...account, on: DateString, balance: MoneyString, interest: MoneyString,
  penaltyPercent: RatePercent, payout: MoneyString,
});
export type DepositClosedEarly = t.TypeOf<typeof DepositClosedEarly>;

/** The account closed and `payout` was paid to the member. */
export const DepositAccountClosed = eventCodec('DepositAccountClosed', {
  ...account, on: DateString, payout: MoneyString,
});
export type DepositAccountClosed = t.TypeOf<typeof DepositAccountClosed>;

/**
 * A dividend deposit (`depositedEventId`, a Deposited of source `dividend` stored with this
 * event) brought her dividend of `financialYear`, credited on her share account: what links each
 * part to its credit, so a credit is known deposited, reversible or redirected to cash by year.
 * Moves no money (the Deposited does).
 */
export const DividendDeposited = eventCodec('DividendDeposited', {
  ...account, on: DateString, financialYear: FinancialYearLabel, depositedEventId: EventId,
});
export type DividendDeposited = t.TypeOf<typeof DividendDeposited>;

/** The deposit account's events, by type. */
export const depositEvents = {
  SavingsAccountOpened, RecurringDepositOpened, FixedDepositOpened, Deposited, Withdrawn,
  InterestPosted, RecurringInstalmentMissed, DepositMatured, DepositClosedEarly,
  DepositAccountClosed, EventReversed, LienPlaced, LienReleased, NomineeNominated,
  GuaranteeCalled, TdsDeducted, TdsReversed, AccountReactivated, DepositChargeApplied,
  DividendDeposited,
} as const;
export type DepositEvent =
  | SavingsAccountOpened | RecurringDepositOpened | FixedDepositOpened | Deposited | Withdrawn
  | InterestPosted | RecurringInstalmentMissed | DepositMatured | DepositClosedEarly
  | DepositAccountClosed | EventReversed | LienPlaced | LienReleased | NomineeNominated
  | GuaranteeCalled | TdsDeducted | TdsReversed | AccountReactivated | DepositChargeApplied
  | DividendDeposited;
