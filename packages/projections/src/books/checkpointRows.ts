// A books checkpoint keeps one amount per account, in the order of the chart it was made with.
// A chart that has since gained accounts (1240, top-up clearing) still reads it: each amount
// goes to its account's place by code, and a new account starts at zero, which is exact since
// no event the older code could read ever posted to it.
import type { IndexedChart } from './chartOfAccounts.ts';

/**
 * How to read a checkpoint's rows made under the account codes `saved` into `chart`'s order;
 * throws when the checkpoint names an account the chart does not have.
 */
export const checkpointRows = (
  saved: ReadonlyArray<string>, chart: IndexedChart,
): (row: ReadonlyArray<bigint>) => bigint[] => {
  const places = saved.map((code) => {
    const i = chart.codeIndex.get(code);
    if (i === undefined) {
      throw new TypeError('books checkpoint was made with another chart of accounts');
    }
    return i;
  });
  const n = chart.chart.accounts.length;
  return (row) => {
    const out = new Array<bigint>(n).fill(0n);
    row.forEach((b, k) => { out[places[k] ?? k] = b; });
    return out;
  };
};
