import { boundedMemo } from './boundedMemo.ts';
import { factorOf, factorPower } from './fixedPoint.ts';

const growths = boundedMemo<string, (days: number) => bigint>(256);

/**
 * Growth of one unit compounded daily at rateUnits / q a day, over `days` days, as a growth
 * factor: (1 + r/n)^days by repeated squaring, remembered per number of days.
 */
export const dailyGrowth = (rateUnits: bigint, q: bigint): ((days: number) => bigint) =>
  growths.get(`${rateUnits} ${q}`, () => {
    const daily = factorOf(q + rateUnits, q);
    const powers = boundedMemo<number, bigint>(8192);
    return (days) => powers.get(days, () => factorPower(daily, days));
  });
