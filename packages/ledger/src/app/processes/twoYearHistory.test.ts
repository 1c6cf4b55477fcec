import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedMoneyString } from '@usha/domain';
import { allEvents } from '../testSupport.ts';
import { closeYear, firstYear, secondYear } from './twoYearHistory.fixture.ts';

// Every figure below is worked by hand in the comment beside it, from the products (SB 4% and
// RD 7% a year, actual/365 on the daily balance, compounded quarterly to 30 June, 30 September,
// 31 December and 31 March, half-even; LN 12% a year = 1% a month on the declining balance,
// equal instalments) and the provisioning defaults (standard 0.4%, sub-standard 10%, rounded
// up). A move dated a day counts in that day's balance.
//
// The schedules. L-0001, 50,000 over 12 months from 1 May 2025: EMI 500 / (1 - 1.01^-12) =
// 4,442.4394 -> 4,442.44; interest of each instalment is 1% of the balance, half-even:
//   1 Jun 500.00, 1 Jul 460.58, 1 Aug 420.76, 1 Sep 380.54, 1 Oct 339.92, 1 Nov 298.90,
//   1 Dec 257.46, 1 Jan 215.61, 1 Feb 173.34, 1 Mar 130.65 (balance left 8,753.36),
//   1 Apr 87.53 (balance 4,398.45), 1 May 43.98 (the last: 4,398.45 + 43.98 = 4,442.43).
// L-0002 and L-0003, 12,000 over 6 months: EMI 120 / (1 - 1.01^-6) = 2,070.58; interest
//   120.00, 100.49, 80.79, 60.90, 40.80, 20.50 (423.48); balance after the first 10,049.42,
//   after the second 8,079.33.

const rupees = (minor: bigint | undefined) => signedMoneyString(minor ?? 0n);
const line = (lines: ReadonlyArray<{ code: string; amount: bigint }>, code: string) =>
  rupees(lines.find((l) => l.code === code)?.amount);

type Ev = Awaited<ReturnType<typeof allEvents>>[number];

// One history for every test: built once, each test reads it (the Ledger is deterministic).
const history = (async () => {
  const { store, ledger } = await firstYear();
  const close1 = await closeYear(ledger, '2025-26', '2026-04-02');
  const run = await secondYear(ledger);
  const close2 = await closeYear(ledger, '2026-27', '2027-04-05');
  const events = await allEvents(store);
  const of = <T extends Ev['type']>(type: T) =>
    events.filter((e): e is Extract<Ev, { type: T }> => e.type === type);
  return { ledger, close1, run, close2, events, of };
})();

test('2025-26: the close posts the savings interest of the year, quarter by quarter', async () => {
  const { close1, of } = await history;
  assert.is(close1.status, 'completed');
  // SB-M-0001, 10,000 from 1 April 2025, 2,000 withdrawn 15 November:
  //   Q1 91 days: 10,000 x 4% x 91/365 = 99.7260 -> 99.73
  //   Q2 92 days: 10,099.7260 x 4% x 92/365 = 101.8274 -> 101.83
  //   Q3: 10,201.5534 for 45 days (1 Oct - 14 Nov), 8,201.5534 for 47:
  //       (459,069.90 + 385,473.01) x 4% / 365 = 92.5526 -> 92.55
  //   Q4 90 days: 8,294.1061 x 4% x 90/365 = 81.8049 -> 81.80
  //   99.73 + 101.83 + 92.55 + 81.80 = 375.91, dated 31 March; the balance 8,000 + 375.91.
  const posted = of('InterestPosted').map((e) => [e.data.accountId, e.data.on,
    e.data.periodFrom, e.data.periodTo, e.data.amount, e.data.balanceAfter]);
  assert.equal(posted[0],
    ['SB-M-0001', '2026-03-31', '2025-04-01', '2026-03-31', '375.91', '8375.91']);
});

test('2025-26: the accruals, payable and receivable, as of 31 March', async () => {
  const { of } = await history;
  // Payable: RD-M-0001, 1,000 on the 1st from October 2025 (April's, recorded before the
  // close, left out), never credited:
  //   Q3: 1,000 x 31 + 2,000 x 30 + 3,000 x 31 = 184,000 x 7% / 365 = 35.2877
  //   Q4: (4,000 x 31 + 5,000 x 28 + 6,000 x 31 = 450,000) + 35.2877 x 90 = 453,175.89
  //       x 7% / 365 = 86.9104;  35.2877 + 86.9104 = 122.1981 -> 122.20 (rounded once).
  // Receivable: L-0001's instalment due 1 April, 87.53 over its 31 days from 1 March, all
  //   31 of them run by the end of 31 March (1 to 31 March, both included): 87.53.
  // Not recognised: L-0002 (NPA), instalments 2 to 6 due and unpaid: 303.48.
  assert.equal(of('YearEndAccrualsRecorded').map((e) => [e.data.financialYear, e.data.on,
    e.data.depositInterestPayable, e.data.loanInterestReceivable,
    e.data.loanInterestNotRecognised]), [
    ['2025-26', '2026-03-31', '122.20', '87.53', '303.48'],
    ['2026-27', '2027-03-31', '1023.48', '57.33', '0.00'],
  ]);
});

test('2025-26: the bad loan is provided for, 10% of what it still owes', async () => {
  const { of } = await history;
  const set = of('LoanLossProvisionSet')[0]?.data;
  // L-0002: oldest unpaid instalment due 1 August 2025, 242 days before 31 March 2026
  //   (31+30+31+30+31+31+28+30): sub-standard; 10% of 10,049.42 = 1,004.942 -> 1,004.95 (up).
  // L-0001: current, standard; 0.4% of 8,753.36 = 35.0134 -> 35.02 (up).
  assert.equal([set?.byClass.standard, set?.byClass.subStandard], [
    { loans: 1, outstanding: '8753.36', percent: '0.4', provision: '35.02' },
    { loans: 1, outstanding: '10049.42', percent: '10', provision: '1004.95' },
  ]);
  assert.equal([set?.total, set?.previousTotal], ['1039.97', '0.00']);
});

test('2025-26: the income statement and the close on the accrual basis', async () => {
  const { ledger, of } = await history;
  const is = await ledger.incomeStatement({ financialYear: '2025-26' });
  // 4100: L-0001's ten instalments' interest 3,177.76 + receivable 87.53 + L-0002's 120.00
  //   = 3,385.29. 5100: savings 375.91 + RD payable 122.20 = 498.11. 5300: 1,039.97.
  assert.equal([line(is.income, '4100'), line(is.expenses, '5100'), line(is.expenses, '5300')],
    ['3385.29', '498.11', '1039.97']);
  // 3,385.29 - 498.11 - 1,039.97 = 1,847.21; reserve 25% = 461.8025 -> 461.81 (up);
  //   distributable 1,385.40.
  assert.is(rupees(is.netProfit), '1847.21');
  const closed = of('FinancialYearClosed').map((e) => [e.data.financialYear, e.data.netProfit,
    e.data.statutoryReserveTransfer, e.data.distributableSurplus]);
  assert.equal(closed[0], ['2025-26', '1847.21', '461.81', '1385.40']);
});

test('the accruals stand on 31 March and are reversed on 1 April', async () => {
  const { ledger } = await history;
  const at = async (asOf: string) => {
    const s = await ledger.balanceSheet({ asOf });
    return [line(s.assets, '1230'), line(s.liabilities, '2200'), line(s.assets, '1290')];
  };
  // The provision (a contra-asset, a credit) is not reversed: it stands until the next close.
  assert.equal(await at('2026-03-31'), ['87.53', '122.20', '-1039.97']);
  assert.equal(await at('2026-04-01'), ['0.00', '0.00', '-1039.97']);
  assert.equal(await at('2027-03-31'), ['57.33', '1023.48', '-32.32']);
  assert.equal(await at('2027-04-01'), ['0.00', '0.00', '-32.32']);
});

test('the dividend for 2025-26 is shared by share-days; one part is paid in cash', async () => {
  const { ledger, run, of } = await history;
  assert.is(run.status, 'completed');
  // 10% of Rs 10 a share-day over 365: M-0001 and M-0002, 10 shares all year, 3,650
  //   share-days: 10.00 each; M-0003, 20 shares from 1 October (182 days): 3,640, 9.9726 ->
  //   9.97. Total 10% x 10 x 10,940 / 365 = 29.9726 -> 29.97 = 10.00 + 10.00 + 9.97.
  assert.equal(of('DividendDeclared').map((e) => e.data.total), ['29.97']);
  assert.equal(of('DividendAllocated').flatMap((e) => e.data.parts), [
    { memberId: 'M-0001', shareDays: 3650, amount: '10.00' },
    { memberId: 'M-0002', shareDays: 3650, amount: '10.00' },
    { memberId: 'M-0003', shareDays: 3640, amount: '9.97' },
  ]);
  // M-0001's part goes to her savings; M-0002 and M-0003 have none: payable in cash, and
  // M-0003 was paid on 25 April. M-0002's 10.00 is still owed.
  assert.equal(of('DividendCredited').map((e) => [e.data.memberId, e.data.amount]),
    [['M-0001', '10.00']]);
  assert.equal(await ledger.unclaimedDividends(),
    [{ memberId: 'M-0002', financialYear: '2025-26', amount: '10.00' }]);
  const payable = (await ledger.balanceSheet({ asOf: '2026-04-30' })).liabilities;
  assert.is(line(payable, '2300'), '10.00');
});

test('2026-27: the interest of the year, and the provision written back', async () => {
  const { ledger, of } = await history;
  // SB-M-0001 from 8,375.9109 (unrounded; 10.00 of dividend in on 20 April):
  //   Q1: (8,375.9109 x 91 + 10 x 72) x 4% / 365 = 83.6085 -> 83.61
  //   Q2: 8,469.5195 x 4% x 92/365 = 85.3913 -> 85.39
  //   Q3: 8,554.9108 x 4% x 92/365 = 86.2523 -> 86.25
  //   Q4: 8,641.1630 x 4% x 90/365 = 85.2279 -> 85.23;  total 340.48.
  assert.equal(of('InterestPosted').map((e) => [e.data.on, e.data.amount]).slice(1),
    [['2027-03-31', '340.48']]);
  // RD-M-0001, 18 instalments to March 2027, compounded quarterly (c: interest so far):
  //   Q1 2026: (7,000 x 30 + 8,000 x 31 + 9,000 x 30) + 122.1981 x 91 = 739,120.03 -> 141.7490
  //   Q2: (10,000 x 31 + 11,000 x 31 + 12,000 x 30) + 263.9471 x 92 -> 198.5475
  //   Q3: (13,000 x 31 + 14,000 x 30 + 15,000 x 31) + 462.4946 x 92 -> 255.1739
  //   Q4: (16,000 x 31 + 17,000 x 28 + 18,000 x 31) + 717.6685 x 90 -> 305.8118
  //   (each x 7% / 365); since opening 1,023.4803 -> 1,023.48 payable (accruals test).
  // L-0003 (10 January 2027): instalments of 10 February and 10 March paid; the third,
  //   80.79 over 31 days from 10 March, 22 days run by the end of 31 March (10 to 31 March):
  //   57.3348 -> 57.33 receivable.
  // Provision: L-0001 and L-0002 repaid; L-0003 standard, 0.4% of 8,079.33 = 32.3173 ->
  //   32.32. Written back: 1,039.97 - 32.32 = 1,007.65.
  const set = of('LoanLossProvisionSet')[1]?.data;
  assert.equal([set?.byClass.standard, set?.byClass.subStandard.loans, set?.total,
    set?.previousTotal], [{ loans: 1, outstanding: '8079.33', percent: '0.4',
    provision: '32.32' }, 0, '32.32', '1039.97']);
  const is = await ledger.incomeStatement({ financialYear: '2026-27' });
  // 4100: L-0001 87.53 + 43.98 - 87.53 reversed = 43.98; L-0002's NPA interest, income when
  //   received, 303.48; L-0003 120.00 + 100.49 + 57.33 = 277.82. 43.98 + 303.48 + 277.82 =
  //   625.28. 5100: savings 340.48 + RD 1,023.48 - 122.20 reversed = 1,241.76.
  assert.equal([line(is.income, '4100'), line(is.income, '4500'), line(is.expenses, '5100'),
    line(is.expenses, '5300')], ['625.28', '1007.65', '1241.76', '0.00']);
  // 625.28 + 1,007.65 - 1,241.76 = 391.17; reserve 97.7925 -> 97.80; distributable 293.37.
  assert.is(rupees(is.netProfit), '391.17');
  const closed = of('FinancialYearClosed').map((e) => [e.data.financialYear, e.data.netProfit,
    e.data.statutoryReserveTransfer, e.data.distributableSurplus]);
  assert.equal(closed[1], ['2026-27', '391.17', '97.80', '293.37']);
});

test('the trial balance is zero on each close, each reversal and today', async () => {
  const { ledger } = await history;
  for (const asOf of ['2026-03-31', '2026-04-01', '2027-03-31', '2027-04-01', undefined]) {
    const tb = await ledger.trialBalance(asOf === undefined ? {} : { asOf });
    assert.is(tb.totalDebit - tb.totalCredit, 0n, `on ${asOf ?? 'the last day'}`);
  }
  // Statutory reserve after both closes: 461.81 + 97.80 = 559.61.
  const sheet = await ledger.balanceSheet({});
  assert.is(line(sheet.equity, '3200'), '559.61');
});

test.run();
