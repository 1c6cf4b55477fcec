// A member borrows Rs 10,000 for a year and saves every month. This script prints the loan's
// repayment schedule and her savings account's interest postings, both computed exactly as
// Apache Fineract computes them on the same settings.
import { loanSchedule, savingsInterest, flatToReducingRate } from '@usha/domain';

const schedule = loanSchedule({
  principal: '10000',
  rateAnnualPercent: '12',
  interestMethod: 'declining-balance',
  amortization: 'equal-installments',
  interestPeriod: 'same-as-repayment',
  repayments: 12,
  frequency: 'months',
  disbursedOn: '2025-04-10',
  daysInYear: 365,
  daysInMonth: 30,
});

const col = (s: unknown, width: number) => String(s).padStart(width);
console.log('Loan of Rs 10000.00 at 12% a year, declining balance, 12 monthly instalments');
console.log(`${col('#', 3)} ${col('due on', 10)} ${col('principal', 10)} ${col('interest', 9)}` +
  ` ${col('total', 9)} ${col('balance', 10)}`);
for (const i of schedule.installments) {
  console.log(`${col(i.n, 3)} ${col(i.dueOn, 10)} ${col(i.principal, 10)} ${col(i.interest, 9)}` +
    ` ${col(i.total, 9)} ${col(i.balance, 10)}`);
}
console.log(`    total principal ${schedule.totalPrincipal}, interest ${schedule.totalInterest},` +
  ` due ${schedule.totalDue}\n`);

const monthly = (day: string, amount: string) =>
  Array.from({ length: 12 }, (_, k) => {
    const month = ((3 + k) % 12) + 1;
    const year = month >= 4 ? 2025 : 2026;
    return { on: `${year}-${String(month).padStart(2, '0')}-${day}`, amount };
  });
const savings = savingsInterest({
  transactions: [{ on: '2025-04-01', amount: '500' }, ...monthly('05', '200'),
    { on: '2025-10-20', amount: '-1000' }],
  rateAnnualPercent: '4',
  from: '2025-04-01',
  to: '2026-03-31',
  method: 'daily-balance',
  compounding: 'daily',
  posting: 'quarterly',
  daysInYear: 365,
  postOn: 'period-end',
});
console.log('Savings at 4% a year on the daily balance, compounded daily, posted quarterly');
console.log(`${col('posted on', 10)} ${col('interest', 9)} ${col('balance', 10)}`);
for (const p of savings.postings) {
  console.log(`${col(p.on, 10)} ${col(p.interest, 9)} ${col(p.balance, 10)}`);
}

const lender = flatToReducingRate({ flatRatePercent: '10', per: 'month', instalments: 12 });
console.log(`\nA money lender's "10% a month flat" over 12 months costs` +
  ` ${lender.reducingRateAnnualPercent}% a year on the declining balance.`);
