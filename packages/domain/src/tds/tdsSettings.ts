import * as t from 'io-ts';
import { MoneyString, RatePercent } from '../shared/codecs.ts';
import { closed } from '../shared/shape.ts';

/**
 * Tax deducted at source on deposit interest (Income Tax Act, section 194A): whether the
 * society deducts it, the interest a member may be paid in a financial year before tax is
 * deducted, and the rate. The figures are the law's and change with Finance Acts: the society
 * keeps them current; the library only applies them.
 */
export const TdsSettings = closed({
  enabled: t.boolean, thresholdPerYear: MoneyString, ratePercent: RatePercent,
}, 'TdsSettings');
export type TdsSettings = t.TypeOf<typeof TdsSettings>;

/**
 * The documented default: on, Rs 40,000.00 a year, 10% (the figures of section 194A for a
 * co-operative's deposits before the Finance Act 2025; the society must check them each year).
 */
export const defaultTdsSettings: TdsSettings = {
  enabled: true, thresholdPerYear: '40000.00' as MoneyString, ratePercent: '10',
};

/** No deduction: how settings stored before TDS existed are read, as they were decided. */
export const tdsOff: TdsSettings = {
  enabled: false, thresholdPerYear: '40000.00' as MoneyString, ratePercent: '10',
};
