import { MAX_MINOR_ABS } from './money.ts';

/**
 * How many amounts at the limit a single figure can add up before it could leave the range
 * every stored amount must fit (`MAX_MINOR_ABS`, 10^17 minor units).
 */
export const AMOUNTS_PER_FIGURE = 100_000n;

/**
 * The largest amount one command may carry: 10^12 minor units, Rs 1,000 crore (ten billion
 * rupees). The arithmetic: a balance,
 * an accrual or a report total is a sum of amounts each at most this limit (interest is
 * computed on such a balance at a rate of at most 100% a year, so a year's interest is at
 * most the balance), so such a figure reaches the stored range (10^17) only after 10^5
 * amounts at the limit, 10^15 rupees, more than a year of India's GDP. A limit of 10^15 (the
 * range itself) let one deposit and the balance it lands on overflow the next event.
 */
export const MAX_COMMAND_AMOUNT_MINOR = MAX_MINOR_ABS / AMOUNTS_PER_FIGURE;

/** The largest count one command may carry (shares, months, instalments, repayments). */
export const MAX_COMMAND_COUNT = 1_000_000;
