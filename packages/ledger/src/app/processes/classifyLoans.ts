import {
  assetClasses, assetClassOf, moneyString, type ClassHoldings, type ProvisioningNorms,
} from '@usha/domain';

/** A loan as the classification sees it: how late it is and the principal it still owes. */
export interface LoanToClassify {
  readonly daysPastDue: number;
  readonly principalOutstanding: bigint;
}

/** The loans of each asset class under `norms`: how many and their outstanding principal. */
export const classifyLoans = (
  loans: ReadonlyArray<LoanToClassify>, norms: ProvisioningNorms,
): ClassHoldings => {
  const count = { standard: 0, subStandard: 0, doubtful: 0, loss: 0 };
  const sum = { standard: 0n, subStandard: 0n, doubtful: 0n, loss: 0n };
  for (const l of loans) {
    const c = assetClassOf(l.daysPastDue, norms);
    count[c] += 1;
    sum[c] += l.principalOutstanding;
  }
  const line = (c: (typeof assetClasses)[number]) =>
    ({ loans: count[c], outstanding: moneyString(sum[c]) });
  return {
    standard: line('standard'), subStandard: line('subStandard'),
    doubtful: line('doubtful'), loss: line('loss'),
  };
};
