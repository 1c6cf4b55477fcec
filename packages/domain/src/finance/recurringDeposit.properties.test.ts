import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addMonths, businessDate } from '../dates/businessDate.ts';
import { roundHalfEven } from '../money/roundRatio.ts';
import { recurringDepositMaturity, recurringDepositPrematureClosure } from './recurringDeposit.ts';

const start = businessDate('2024-04-01');
const text = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const instalment = fc.bigInt({ min: 1n, max: 10n ** 8n }); // paise
const rateHundredths = fc.integer({ min: 0, max: 2000 });
// Which of up to 24 monthly instalments were paid (on their due dates); the rest missed.
const paidMonths = fc.array(fc.boolean(), { minLength: 1, maxLength: 24 });

// The exact reference: with 30/360 and monthly compounding and posting, month k's interest is
// (instalments paid so far + interest so far) x r / 1200, kept exact between months; each
// month's posting is that interest rounded half-even once.
const reference = (a: bigint, r: number, paid: ReadonlyArray<boolean>): bigint => {
  const den = 120000n; // r in hundredths of a percent, per month
  let num = 0n; // balance with exact interest, over den^k
  let scale = 1n;
  let posted = 0n;
  paid.forEach((p) => {
    if (p) num += a * scale;
    const interest = num * BigInt(r); // over scale * den
    posted += roundHalfEven(interest, scale * den);
    num = num * den + interest;
    scale *= den;
  });
  return posted;
};

test('30/360 closure equals exact monthly compounding of the instalments paid', () => {
  fc.assert(fc.property(instalment, rateHundredths, paidMonths, (a, r, months) => {
    const paid = months.flatMap((p, k) => p ? [{ on: addMonths(start, k), amount: text(a) }]
      : []);
    const got = recurringDepositPrematureClosure({
      paid, rateAnnualPercent: (r / 100 + 1).toFixed(2), penaltyRatePercent: '1',
      startOn: start, closedOn: addMonths(start, months.length), compounding: 'monthly',
      daysInYear: '30/360',
    });
    assert.is(got.interest.minor, reference(a, r, months));
    assert.is(got.deposits.minor, a * BigInt(paid.length));
  }));
});

test('every instalment paid on its day, closed on maturity with no penalty: the maturity', () => {
  fc.assert(fc.property(instalment, rateHundredths, fc.integer({ min: 1, max: 36 }),
    fc.constantFrom('daily', 'monthly', 'quarterly', 'yearly'), (a, r, n, compounding) => {
      const rates = { rateAnnualPercent: (r / 100).toFixed(2), startOn: start, compounding };
      const paid = Array.from({ length: n }, (_, k) => ({ on: addMonths(start, k),
        amount: text(a) }));
      const closed = recurringDepositPrematureClosure({ ...rates, paid,
        penaltyRatePercent: '0', closedOn: addMonths(start, n) });
      const maturity = recurringDepositMaturity({ ...rates, instalment: text(a),
        tenureMonths: n });
      assert.is(closed.payout.minor, maturity.minor);
    }), { numRuns: 60 });
});

test('a higher penal rate never pays more', () => {
  fc.assert(fc.property(instalment, rateHundredths, paidMonths, fc.integer({ min: 0, max: 500 }),
    (a, r, months, pen) => {
      const paid = months.flatMap((p, k) => p ? [{ on: addMonths(start, k), amount: text(a) }]
        : []);
      const at = (penalty: number) => recurringDepositPrematureClosure({
        paid, rateAnnualPercent: (r / 100).toFixed(2), penaltyRatePercent: (penalty / 100)
          .toFixed(2), startOn: start, closedOn: addMonths(start, months.length),
      }).payout.minor;
      assert.ok(at(pen + 25) <= at(pen));
    }), { numRuns: 60 });
});

test.run();
