// A year's close run by one app instance while another takes entries dated in that year: once
// the close has begun, the year's books take none, so every figure the close takes (interest,
// accruals, provision, net profit) is taken on every entry the year holds.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { loanDisbursed } from '../commands/loanDisbursed.fixture.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
const fee = { commandId: 'late-fee', actor: 'checker', on: '2025-03-20', loanId: 'L1',
  amount: '1000', reason: 'processing' as const };

// `store` with `before` run once, right before the close's append number `at` (from 0).
const atAppend = (
  store: EventStore<LedgerEvent>, at: number, before: () => Promise<void>,
): EventStore<LedgerEvent> => {
  let appends = 0;
  return { ...store, appendToStream: async (stream, events, o) => {
    if (appends === at) await before();
    appends += 1;
    return store.appendToStream(stream, events, o);
  } };
};

// The society, M1 saving and borrowing; A takes entries, B (over `wrap` of the store) closes.
const closedWhileCharged = async (at: number) => {
  const store = memoryStore();
  const setup = await testLedger(store);
  ok(await setup.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  await memberWithSavings(setup, 'M1', '1000');
  await loanDisbursed(setup, { on: '2024-05-02', productId: 'LP', principal: '2000',
    repayments: 4 });
  const a = await testLedger(store, { processClaims: { claimant: 'A' } });
  let charged: CommandOutcome | undefined;
  const b = await testLedger(atAppend(store, at, async () => { charged = await a.chargeFee(fee); }),
    { processClaims: { claimant: 'B' } });
  const closed = await b.closeFinancialYear({ ...year, commandId: 'fy', on: '2025-04-05' });
  const event = (await allEvents(store)).find((e) => e.type === 'FinancialYearClosed');
  const fresh = await testLedger(store);
  const statement = await fresh.incomeStatement({ financialYear: '2024-25' });
  return { closed, charged, event, statement };
};

test('a fee dated in the year, charged through another instance at any append of the close, is '
  + 'taken before the close begins or refused after: the net profit closed on is the closed '
  + 'year\'s income statement, with the fee or without it', async () => {
  // The close's appends: its claim, its beginning, the interest, the accruals, the provision,
  // the close (an append past the last is never reached: the fee is then not charged).
  const profits: string[] = [];
  for (let at = 0; at < 6; at += 1) {
    const { closed, charged, event, statement } = await closedWhileCharged(at);
    assert.is(closed.status, 'completed', `fee at append ${at}`);
    const closedOn = event?.type === 'FinancialYearClosed' ? event.data.netProfit : undefined;
    assert.is(closedOn, signedMoneyString(statement.netProfit), `fee at append ${at}`);
    profits.push(`${at} ${charged?.status === 'rejected' ? charged.rejection.type
      : charged?.status} ${closedOn}`);
    if (charged?.status === 'rejected') {
      assert.equal(charged.rejection,
        { type: 'period_closed', closedThrough: '2025-03-31', on: '2025-03-20' });
    }
  }
  // Before the close began (its claim is the first append), the fee is the year's income:
  // without it a loss of 240.60 (a year's savings interest, 40.60, and a provision of 200.00).
  assert.equal(profits, ['0 accepted 759.40', '1 accepted 759.40', '2 period_closed -240.60',
    '3 period_closed -240.60', '4 period_closed -240.60', '5 period_closed -240.60']);
});

test.run();
