import type { Row, Terms } from '../loan/types.ts';
import { progressiveHistoryRows } from './progressiveHistory.ts';

/**
 * The rows of Apache Fineract's progressive schedule (ProgressiveEMICalculator, one
 * disbursement, no payments yet): one EMI for every period, each period's interest on the
 * balance then owed, the last installment taking what rounding left.
 */
export const progressiveRows = (t: Terms): Row[] => progressiveHistoryRows(t, {
  disbursements: [{ on: t.disbursedOn, amount: t.principal }],
  principalPaid: [],
  strategy: 'reduce-term',
});
