// TDS through the Ledger when a posting is reversed and when a term deposit closes early: the
// deduction given back, her year's interest without the reversed posting, her statement.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const clerk = (id: string, on: string) => ({ commandId: id, actor: 'clerk', on });

// Rs 1,00,000 saved at 4%: Q1 997.26, Q2 1,018.27 (as in tdsOnInterest.test.ts).
const setUp = async (thresholdPerYear: string, saved = '100000') => {
  const store = memoryStore();
  const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
  ok(await ledger.configureSociety({ commandId: 'cfg', actor: 'board', on: '2024-04-01',
    societyId: 'USHA', statutoryReservePercent: '25', dividendRateCapPercent: '15',
    tds: { enabled: true, thresholdPerYear, ratePercent: '10' } }));
  await memberWithSavings(ledger, 'M1', saved);
  const post = async (id: string, on: string) => ok(await ledger.postInterest({
    ...clerk(id, on), accountId: 'SB-M1', periodTo: on }));
  const reverse = async (id: string, on: string, eventId: string) => ok(
    await ledger.reverseEvent({ ...clerk(id, on), aggregate: 'deposit', aggregateId: 'SB-M1',
      eventId, reason: 'entry_error' }));
  const of = async (type: string) => (await allEvents(store))
    .filter((e) => e.type === type).map((e) => e.data);
  return { ledger, post, reverse, of };
};

test('a reversed posting no longer counts in her year: posted again, it stays untaxed',
  async () => {
    // Threshold 1,000: Q1's 997.26 is under it. Reversed and posted again, her year is
    // 997.26, not 1,994.52: no tax (counting the reversed one would deduct Rs 100).
    const { post, reverse, of } = await setUp('1000.00');
    await post('q1', '2024-06-30');
    await reverse('undo', '2024-07-01', 'q1.0');
    await post('q1-again', '2024-07-01');
    assert.equal((await of('InterestPosted')).map((d) => 'amount' in d && d.amount),
      ['997.26', '997.26']);
    assert.equal(await of('TdsDeducted'), []);
  });

test('a reversed taxed posting gives its Rs 102 back; her statement nets it out',
  async () => {
    const { ledger, post, reverse, of } = await setUp('1000.00');
    await post('q1', '2024-06-30');
    await post('q2', '2024-09-30');
    await reverse('undo', '2024-10-01', 'q2.0');
    await post('q2-again', '2024-10-01');
    assert.equal(await of('TdsReversed'), [{ accountId: 'SB-M1', memberId: 'M1',
      on: '2024-10-01', reversedEventId: 'q2.0', financialYear: '2024-25',
      interest: '1018.27', rate: '10', amount: '102.00' }]);
    // Posted again, Q2 is taxed again: 997.26 + 1,018.27 > 1,000.
    assert.equal((await of('TdsDeducted')).map((d) => 'amount' in d && d.amount),
      ['102.00', '102.00']);
    const s = await ledger.tdsStatement({ memberId: 'M1', financialYear: '2024-25' });
    assert.equal(s.lines.map((l) => [l.on, l.interest, l.amount]), [
      ['2024-09-30', '1018.27', '102.00'], ['2024-10-01', '-1018.27', '-102.00'],
      ['2024-10-01', '1018.27', '102.00']]);
    assert.equal([s.interestTotal, s.tdsTotal], ['1018.27', '102.00']);
  });

test('interest on a recurring deposit closed early is taxed, and counts in her year',
  async () => {
  const { ledger, post, of } = await setUp('300.00', '5000');
  ok(await ledger.openRecurringDeposit({ ...clerk('rd', '2024-04-01'), accountId: 'RD-M1',
    memberId: 'M1', productId: 'RD', instalment: '10000', termMonths: 12 }));
  for (const m of ['04', '05', '06', '07', '08', '09']) {
    ok(await ledger.makeDeposit({ ...clerk(`i${m}`, `2024-${m}-01`), accountId: 'RD-M1',
      amount: '10000', source: 'cash' }));
  }
  // 1,058.23 at 7% - 1% on six instalments is above 300: 10% of it, 105.823 -> Rs 106; the
  // payout is 60,000 - 106 + 1,058.23.
  ok(await ledger.closeDepositEarly({ ...clerk('close', '2024-10-01'), accountId: 'RD-M1' }));
  assert.equal(await of('DepositClosedEarly'), [{ accountId: 'RD-M1', memberId: 'M1',
    on: '2024-10-01', balance: '59894.00', interest: '1058.23', penaltyPercent: '1',
    payout: '60952.23' }]);
  // Rs 5,000 saved: April to December, 49.86 + 50.91 + 51.43 = 152.20, under 300 alone, but
  // her year with the closing's interest is 1,210.43: 10% of 152.20, 15.22 -> Rs 15.
  await post('q3', '2024-12-31');
  assert.equal((await of('TdsDeducted')).map((d) => 'rate' in d && [d.interest, d.amount]),
    [['1058.23', '106.00'], ['152.20', '15.00']]);
});

test.run();
