// Fixtures for the Ledger's own tests (not exported): a store, a Ledger, and a member with a
// savings account. Products are the domain's test products (SH, SB, RD, FD, LN, LP).
import { products } from '@usha/domain/testing';
import { inMemoryEventStore } from '../memory/inMemoryEventStore.ts';
import type { EventStore } from '../eventStore/port.ts';
import { noBackoff } from './commands/backoff.ts';
import { isAccepted, type CommandOutcome } from './commands/outcome.ts';
import { createLedger, type Ledger } from './ledger/createLedger.ts';
import type { LedgerOptions } from './ledger/ledgerOptions.ts';
import { ledgerEventSchema, type LedgerEvent } from './log/ledgerEvent.ts';

export { products };

/** A fresh in-memory store with the Ledger's schema. */
export const memoryStore = (): EventStore<LedgerEvent> =>
  inMemoryEventStore({ schema: ledgerEventSchema });

/** A Ledger over `store`, no back-off (tests schedule everything themselves). */
export const testLedger = <S = undefined>(
  store: EventStore<LedgerEvent>, more: Partial<LedgerOptions<S>> = {},
): Promise<Ledger<S>> => createLedger<S>({ store, products, backoff: noBackoff, ...more,
  // One instance, restarted: a test's Ledger opened after another stopped is that instance
  // again (in one process its default name's pid would keep the stopped one's lease running).
  // Tests of several instances name each one.
  processClaims: { claimant: 'test-instance', ...more.processClaims } });

/** Every event in the store. */
export const allEvents = async (store: EventStore<LedgerEvent>) => {
  const out = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
};

/** Throws unless the outcome is an acceptance: for the steps a test takes as given. */
export const ok = (o: CommandOutcome): CommandOutcome => {
  if (!isAccepted(o)) throw new Error(`expected acceptance, got ${JSON.stringify(o.rejection)}`);
  return o;
};

/** Admits member `m` with 10 shares and opens savings account `SB-<m>` with `balance`. */
export const memberWithSavings = async <S>(
  ledger: Ledger<S>, m: string, balance: string, on = '2024-04-01',
): Promise<void> => {
  const by = (id: string) => ({ commandId: `${m}-${id}`, actor: 'clerk', on });
  ok(await ledger.admitMember({ ...by('admit'), memberId: m, branchId: 'SONAGACHI',
    shareProductId: 'SH', shares: 10 }));
  ok(await ledger.purchaseShares({ ...by('shares'), accountId: `SH-${m}`, memberId: m,
    productId: 'SH', shares: 10 }));
  ok(await ledger.openSavingsAccount({ ...by('open'), accountId: `SB-${m}`, memberId: m,
    productId: 'SB' }));
  ok(await ledger.makeDeposit({ ...by('deposit'), accountId: `SB-${m}`, amount: balance,
    source: 'cash' }));
};

/** The balance of a deposit account, from its stream, as the decider sees it. */
export const balanceOf = async <S>(ledger: Ledger<S>, store: EventStore<LedgerEvent>,
  accountId: string): Promise<bigint> => {
  let balance = 0n;
  for await (const e of store.readStream(`deposit-${accountId}`)) {
    if (e.type === 'Deposited') balance += BigInt(e.data.amount.replace('.', ''));
    if (e.type === 'Withdrawn') balance -= BigInt(e.data.amount.replace('.', ''));
    if (e.type === 'InterestPosted') balance += BigInt(e.data.amount.replace('.', ''));
  }
  void ledger;
  return balance;
};

/**
 * For tests of the Ledger's index checkpoint itself: every close writes it (by default a close
 * after fewer than 5,000 events read or appended writes none; the next open reads those).
 */
export const everyClose = { onCloseAfterEvents: 0 } as const;
