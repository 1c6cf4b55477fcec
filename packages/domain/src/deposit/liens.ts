import type * as t from 'io-ts';
import { AccountId, EventId, LoanId, MemberId } from '../shared/ids.ts';
import { DateString, MoneyString, PositiveMoneyInput } from '../shared/codecs.ts';
import { commandCodec, eventCodec } from '../shared/shape.ts';
import type { DepositState } from './state.ts';

const lien = { accountId: AccountId, memberId: MemberId, loanId: LoanId, on: DateString };

/**
 * A lien was placed on a guarantor's savings for a loan she guarantees: `amount` of the
 * balance may not be withdrawn while it is held. No money moves (no journal entry).
 */
export const LienPlaced = eventCodec('LienPlaced', { ...lien, amount: MoneyString });
export type LienPlaced = t.TypeOf<typeof LienPlaced>;

/** The lien for `loanId` was released: the loan closed, or the guarantee was released. */
export const LienReleased = eventCodec('LienReleased', { ...lien, amount: MoneyString });
export type LienReleased = t.TypeOf<typeof LienReleased>;

/** Place a lien of `amount` for `loanId` on a savings account (a step of a loan's approval). */
export const PlaceLien = commandCodec('PlaceLien', {
  accountId: AccountId, loanId: LoanId, amount: PositiveMoneyInput,
});
export type PlaceLien = t.TypeOf<typeof PlaceLien>;

/** Release the lien held for `loanId`: the loan closed, or the society released the guarantee. */
export const ReleaseLien = commandCodec('ReleaseLien', { accountId: AccountId, loanId: LoanId });
export type ReleaseLien = t.TypeOf<typeof ReleaseLien>;

/**
 * A guarantee was called: `amount` of the lien for `loanId` was taken from her savings (the
 * `Withdrawn` event `withdrawnEventId`, decided with it) to recover the written-off loan, and
 * the lien reduced to `lienAfter`. Moves no money itself (the withdrawal does).
 */
export const GuaranteeCalled = eventCodec('GuaranteeCalled', {
  ...lien, amount: MoneyString, withdrawnEventId: EventId, lienAfter: MoneyString,
});
export type GuaranteeCalled = t.TypeOf<typeof GuaranteeCalled>;

/**
 * Take `amount`, at most the lien held for `loanId`, from a guarantor's savings, to recover the
 * loan after its write-off (the first step of recoverFromGuarantor).
 */
export const CallGuarantee = commandCodec('CallGuarantee', {
  accountId: AccountId, loanId: LoanId, amount: PositiveMoneyInput,
});
export type CallGuarantee = t.TypeOf<typeof CallGuarantee>;

/** The sum of the liens an account holds, in paise (none for an account not opened). */
export const liensHeldMinor = (d: DepositState): bigint => {
  if (d.status === 'none') return 0n;
  let sum = 0n;
  for (const amount of Object.values(d.liens)) sum += amount;
  return sum;
};

/** An account's balance not under a lien, in paise (the minimum balance not taken off). */
export const freeBalanceMinor = (d: DepositState): bigint =>
  d.status === 'none' ? 0n : d.balance - liensHeldMinor(d);
