// Tax deducted at source in the member balances: a deduction leaves the deposit's balance (the
// interest credited stays gross), a give-back returns it, in the columnar and the plain fold,
// as the books hold them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { moneyString } from '@usha/domain';
import { accountBalances } from '../books/reports.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { replayAll } from '../testing/compare.ts';
import { historyOf, products, type Op } from '../testing/histories.ts';
import { plainBalances } from './plainBalances.ts';

// A society deducting 10% of all interest (threshold nil): Rs 20,000 saved by M0 on 1 April
// earns 199.45 to 30 June, taxed Rs 20 (19.945 to the rupee); M1's Rs 5,000 fixed deposit
// matures on 10 July with 93.49, taxed Rs 9 (9.349), and is paid out the same day.
const tds = { enabled: true, thresholdPerYear: moneyString(0n), ratePercent: '10' };
const steps: Array<{ gap: number; op: Op }> = [
  { gap: 0, op: { k: 'deposit', m: 0, paise: 2_000_000 } }, { gap: 0, op: { k: 'fixed', m: 1 } },
  { gap: 100, op: { k: 'mature', m: 1 } },
];
const taxed = historyOf(steps, products, '', tds);
const unposted = historyOf([...steps, { gap: 1, op: { k: 'unpost', m: 0 } }], products, '', tds);

// Her savings as each fold and the books hold them: balance, interest credited, ledger 2100.
const savings = (h: ReadonlyArray<ProjectedEvent>) => {
  const s = replayAll(h).states;
  const gl = accountBalances(s.books).find((b) => b.account.code === '2100')?.balance ?? 0n;
  const fast = s.balances.deposits.get('A0');
  const plain = plainBalances(h).deposits.get('A0');
  return [fast?.balance, fast?.interestPosted, plain?.balance, plain?.interestPosted, -gl];
};

test('a deduction leaves her balance net of the tax; the interest credited stays gross', () => {
  assert.equal(taxed.filter((e) => e.type === 'TdsDeducted').length, 2);
  assert.equal(savings(taxed), [2_017_945n, 19_945n, 2_017_945n, 19_945n, 2_017_945n]);
});

test("a reversed posting's tax comes back with it: the deposit alone is left", () => {
  assert.is(unposted.at(-1)?.type, 'TdsReversed');
  assert.equal(savings(unposted), [2_000_000n, 0n, 2_000_000n, 0n, 2_000_000n]);
});

test('a matured deposit awaits a payout net of the tax on its interest', () => {
  // Up to the deduction that follows the maturity, before the account is paid out.
  const upTo = taxed.findIndex((e) => e.type === 'DepositAccountClosed');
  const h = taxed.slice(0, upTo);
  assert.is(h.at(-1)?.type, 'TdsDeducted');
  // Her fixed deposit of 1 April: `FD-<member><yymmdd>`.
  const fd = (b: { deposits: ReadonlyMap<string, { balance: bigint; interestPosted: bigint;
    status: string }> }) => {
    const d = b.deposits.get('FD-1240401');
    return [d?.balance, d?.interestPosted, d?.status];
  };
  assert.equal(fd(replayAll(h).states.balances), [508_449n, 9_349n, 'matured']);
  assert.equal(fd(plainBalances(h)), [508_449n, 9_349n, 'matured']);
});

test.run();
