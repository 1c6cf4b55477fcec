// A society whose dividend is declared and not yet credited, for tests of the process that
// credits it: three members with Rs 1,000 saved and 10 shares of Rs 10 each, 2024-25 closed by
// hand, 10% declared. Each member's part is Rs 10.00, so her savings come to Rs 1,010.00.
import { signedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { allEvents, balanceOf, memberWithSavings, ok, testLedger } from '../testSupport.ts';
import { closeByHand } from './closeByHand.fixture.ts';

const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };

/** The request that credits the declared dividend. */
export const credit = { ...year, commandId: 'credit', on: '2025-04-11' };

/** The members' savings accounts. */
export const accounts = ['SB-M1', 'SB-M2', 'SB-M3'];

/** Fills `store` with the society, its members and the declared dividend. */
export const dividendDeclared = async (store: EventStore<LedgerEvent>): Promise<void> => {
  const ledger = await testLedger(store, { netProfit: () => signedMoneyString(10_000_000n) });
  for (const m of ['M1', 'M2', 'M3']) await memberWithSavings(ledger, m, '1000');
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await closeByHand(ledger, { ...year, commandId: 'fy', on: '2025-04-05' });
  ok(await ledger.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
    ratePercent: '10' }));
  await ledger.close();
};

/** The books of the credit as the log holds them: parts credited, deposits, ends, balances. */
export const creditBooks = async (store: EventStore<LedgerEvent>) => {
  const events = await allEvents(store);
  const ledger = await testLedger(store, { resume: false });
  const balances = await Promise.all(accounts.map((a) => balanceOf(ledger, store, a)));
  await ledger.close();
  return {
    credited: events.flatMap((e) => e.type === 'DividendCredited' ? [e.data.amount] : []),
    deposited: events.flatMap((e) => e.type === 'Deposited' && e.data.source === 'dividend'
      ? [`${e.data.accountId} ${e.data.amount}`] : []),
    ends: events.filter((e) => e.metadata.processEnd === true
      && e.metadata.processId === 'credit').length,
    balances,
  };
};

/** The books of one complete run of the credit. */
export const oneRun = {
  credited: ['10.00', '10.00', '10.00'],
  deposited: ['SB-M1 10.00', 'SB-M2 10.00', 'SB-M3 10.00'],
  ends: 1,
  balances: [101000n, 101000n, 101000n],
};
