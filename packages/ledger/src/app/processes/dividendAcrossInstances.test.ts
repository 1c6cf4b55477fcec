// The year's dividend with several app instances over one store: the declaration is made on
// every shareholder the log holds, whichever instance admitted her and whenever the declaring
// instance opened.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const netProfit = () => signedMoneyString(10_000_000n);
const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };

test('a dividend declared on an instance opened before a shareholder was admitted elsewhere '
  + 'counts her: 2 members, 20.00, and the credit run completes', async () => {
  const store = memoryStore();
  const a = await testLedger(store, { netProfit, processClaims: { claimant: 'A' } });
  await memberWithSavings(a, 'M1', '1000');
  ok(await a.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  const b = await testLedger(store, { netProfit, processClaims: { claimant: 'B' } });
  // B has decided (its first decision reads the log once, while no staff is appointed).
  ok(await b.makeDeposit({ commandId: 'b-dep', actor: 'clerk', on: '2024-04-02',
    accountId: 'SB-M1', amount: '5', source: 'cash' }));
  // M2 admitted with 10 shares of Rs 10 through A, in the year; A closes it.
  await memberWithSavings(a, 'M2', '1000');
  assert.is((await a.closeFinancialYear({ ...year, commandId: 'fy', on: '2025-04-05' })).status,
    'completed');
  const declared = await b.declareDividend({ ...year, commandId: 'div', on: '2025-04-10',
    ratePercent: '10' });
  const d = declared.status === 'accepted' ? declared.events[0]?.event : undefined;
  const data = d?.type === 'DividendDeclared' ? d.data : undefined;
  assert.equal([data?.total, data?.allocation.kind === 'batches' && data.allocation.members],
    ['20.00', 2]);
  const run = await a.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
  assert.is(run.status, 'completed');
  const credited = (await allEvents(store)).flatMap((e) => e.type === 'DividendCredited'
    ? [[e.data.memberId, e.data.amount]] : []);
  assert.equal(credited, [['M1', '10.00'], ['M2', '10.00']]);
});

test.run();
