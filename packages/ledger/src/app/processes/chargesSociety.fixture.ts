// A society whose products charge by rule, with member M1 holding one account of each kind.
import * as E from 'fp-ts/lib/Either.js';
import { ProductCatalogue } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, memoryStore, ok, products, testLedger } from '../testSupport.ts';
import { appointStaff, memberAndLoan } from '../authorisation/staffFixture.ts';

/**
 * The test products with rules: savings 25.00 for a month whose balance went below 1,500.00;
 * RD 5.00 an unpaid instalment; loan 50.00 an instalment unpaid after its due day.
 */
export const catalogue = (): ProductCatalogue => {
  const p = ProductCatalogue.decode({ ...products,
    SB: { ...products['SB'], belowMinimumBalanceCharge: { below: '1500.00', amount: '25.00' } },
    RD: { ...products['RD'], missedInstalmentPenalty: { amount: '5.00' } },
    LN: { ...products['LN'], latePaymentPenalty: { amount: '50.00', graceDays: 0 } } });
  if (E.isLeft(p)) throw new Error('bad catalogue');
  return p.right;
};
/**
 * M1 at Sonagachi: 1,000.00 in savings and loan L1 from 1 April 2025 (staffFixture), and a
 * recurring deposit of 100.00 a month with its first instalment paid that day.
 */
export const society = async (store: EventStore<LedgerEvent> = memoryStore()) => {
  const ledger = await testLedger(store, { products: catalogue() });
  await appointStaff(ledger);
  await memberAndLoan(ledger);
  const by = (commandId: string, actor: string) => ({ commandId, actor, on: '2025-04-01' });
  ok(await ledger.openRecurringDeposit({ ...by('rd', 'clerk-1'), accountId: 'RD-M1',
    memberId: 'M1', productId: 'RD', instalment: '100', termMonths: 12 }));
  ok(await ledger.makeDeposit({ ...by('rd-1', 'cash-1'), accountId: 'RD-M1', amount: '100',
    source: 'cash' }));
  return { store, ledger };
};
/** The charges by rule the store holds, one line each, in log order. */
export const charges = async (store: EventStore<LedgerEvent>) =>
  (await allEvents(store)).flatMap((e) => e.type === 'DepositChargeApplied'
    ? [`${e.data.accountId} ${e.data.rule.rule} ${e.data.rule.period} ${e.data.amount} `
      + `${e.data.balanceAfter}`]
    : e.type === 'PenaltyCharged' ? [`${e.data.loanId} ${e.data.rule?.period} ${e.data.amount}`]
      : []);
/** A branch run of Sonagachi's charges for `on` by clerk-1. */
export const run = (commandId: string, on: string) =>
  ({ commandId, actor: 'clerk-1', on, branchId: 'SONAGACHI' });

