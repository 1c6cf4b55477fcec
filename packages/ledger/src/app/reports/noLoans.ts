import type { BucketFigures, PortfolioFigures } from '@usha/projections';

const none: BucketFigures = { loans: 0, principalOutstanding: 0n, arrears: 0n };

/** The portfolio of a branch with no active loan: every figure zero. */
export const noLoans: PortfolioFigures = {
  activeLoans: 0, principalOutstanding: 0n, arrears: 0n,
  buckets: { current: none, '1-30': none, '31-60': none, '61-90': none, 'over 90': none },
  atRisk30: 0n, atRisk90: 0n, par30BasisPoints: 0, par90BasisPoints: 0,
};
