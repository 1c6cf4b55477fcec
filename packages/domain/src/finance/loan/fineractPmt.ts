import { Decimal } from '../../money/decimal.ts';

/**
 * The equal installment exactly as Fineract computes it: FinanicalFunctions.pmt in IEEE double
 * arithmetic, read back as BigDecimal.valueOf(double) does (the shortest decimal that names the
 * double, which is also what JavaScript's String(number) prints).
 *
 * Why a JS number touches an amount here, against the house rule: Fineract's EMI is a double,
 * and an exact-decimal PMT differs from it in the last bits; where that difference straddles a
 * half paisa the two schedules disagree by a paisa in every installment. Agreement with Fineract
 * is the requirement, so the double lives only inside this function; its result is returned
 * as a Decimal and rounded to the currency (or to the installment multiple) by the caller.
 */
export const fineractPmt = (
  periodicRate: Decimal,
  periods: number,
  balance: Decimal,
): Decimal => {
  const rate = Number(periodicRate.toString());
  const principal = Number(balance.negated().toString());
  const futureValue = 0;
  let payment: number;
  if (rate === 0) {
    payment = (-1 * (futureValue + principal)) / periods;
  } else {
    const r1 = rate + 1;
    payment = ((futureValue + principal * Math.pow(r1, periods)) * rate) /
      (1 * (1 - Math.pow(r1, periods)));
  }
  if (!Number.isFinite(payment)) throw new RangeError(`pmt is not finite: ${payment}`);
  return new Decimal(String(payment));
};
