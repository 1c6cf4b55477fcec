// SONAGACHI's 2 April 2024 in a log file, for the day-end cash report's tests: Rs 2,00,000
// taken over into the vault on 1 April, 50,000 to till T1; deposits of 3,000 and 2,500 and a
// withdrawal of 1,200 there; counted 54,250 (50.00 short of the book's 54,300), all of it
// back to the vault; the day closed. The branch-day guide tells the same day.
import { join } from 'node:path';
import {
  createLedger, isAccepted, ledgerEventSchema, openFileEventStore, positionToString,
  type CommandOutcome, type EventStore, type LedgerEvent,
} from '@usha/ledger';
import { products } from '@usha/domain/testing';

/** What the tests read the day's log against. */
export interface CashDay {
  readonly file: string;
  /** The report as the Ledger that wrote the day prints it (`ledger.dayCashReport`). */
  readonly ledgerText: string;
  /** The last event's position before the till was counted, as `usha verify` says it. */
  readonly beforeCount: string;
}

const ok = (o: CommandOutcome | { readonly status: string }, what: string) => {
  const done = 'events' in o ? isAccepted(o) : o.status === 'completed';
  if (!done) throw new Error(`fixture: ${what}: ${JSON.stringify(o)}`);
};

const lastPosition = async (store: EventStore<LedgerEvent>): Promise<string> => {
  for await (const e of store.readAll({ direction: 'backwards', maxCount: 1 })) {
    return positionToString(e.position);
  }
  return '';
};

/** Writes the day into `dir`/usha.ndjson through a Ledger; the log's clock is fixed. */
export const cashDay = async (dir: string): Promise<CashDay> => {
  const file = join(dir, 'usha.ndjson');
  const store = await openFileEventStore({ file, schema: ledgerEventSchema,
    now: () => new Date('2024-04-02T12:00:00.000Z') });
  const ledger = await createLedger({ store, products });
  const by = (commandId: string, on = '2024-04-02', actor = 'cashier') =>
    ({ commandId, actor, on });
  for (const [m, balance] of [['M1', '5000'], ['M2', '1000']] as const) {
    const opened = (id: string) => ({ ...by(`${m}-${id}`, '2024-04-01', 'clerk') });
    ok(await ledger.admitMember({ ...opened('admit'), memberId: m, branchId: 'SONAGACHI',
      shareProductId: 'SH', shares: 10 }), `${m} admitted`);
    ok(await ledger.purchaseShares({ ...opened('shares'), accountId: `SH-${m}`, memberId: m,
      productId: 'SH', shares: 10 }), `${m} shares`);
    ok(await ledger.openSavingsAccount({ ...opened('open'), accountId: `SB-${m}`, memberId: m,
      productId: 'SB' }), `${m} savings`);
    ok(await ledger.makeDeposit({ ...opened('deposit'), accountId: `SB-${m}`, amount: balance,
      source: 'cash' }), `${m} deposit`);
  }
  const at = { branchId: 'SONAGACHI' };
  const till = { ...at, tillId: 'T1' };
  ok(await ledger.takeOverVaultCash({ ...by('v0', '2024-04-01', 'manager'), ...at,
    amount: '200000' }), 'vault');
  ok(await ledger.transferBranchCash({ ...by('open'), ...at, fromTill: null, toTill: 'T1',
    amount: '50000' }), 'float');
  for (const [id, type, accountId, amount] of [['d1', 'MakeDeposit', 'SB-M1', '3000'],
    ['d2', 'MakeDeposit', 'SB-M2', '2500'], ['w1', 'Withdraw', 'SB-M1', '1200']] as const) {
    ok(await ledger.cashAtTill({ ...by(id), ...till, type, accountId, amount }), id);
  }
  const beforeCount = await lastPosition(store);
  ok(await ledger.countTillCash({ ...by('count'), ...till, counted: '54250' }), 'count');
  ok(await ledger.transferBranchCash({ ...by('back'), ...at, fromTill: 'T1', toTill: null,
    amount: '54250' }), 'back');
  ok(await ledger.closeBranchDay({ ...by('close'), ...at }), 'close');
  const ledgerText = await ledger.dayCashReport({ ...at, on: '2024-04-02' });
  await ledger.close();
  await store.close();
  return { file, ledgerText, beforeCount };
};
