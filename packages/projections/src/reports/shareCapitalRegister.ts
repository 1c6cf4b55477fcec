import type { BalancesState } from '../balances/state.ts';
import { yearFactsOf, type ShareMovement, type YearFactsState } from './yearFacts.ts';

/** The share capital register in sum, as of a date, with a financial year's movements. */
export interface ShareCapitalRegister {
  readonly financialYear: string;
  readonly asOf: string | null;
  /** Members holding at least one share. */
  readonly membersHolding: number;
  readonly sharesHeld: number;
  /** Paid-up share capital, in paise. */
  readonly paidUpCapital: bigint;
  readonly purchased: ShareMovement;
  readonly redeemed: ShareMovement;
}

/**
 * The register from balances and year facts folded to the same date (`asOf`): holdings then,
 * and the year's purchases and redemptions up to then.
 * @example shareCapitalRegister(balances, facts, { financialYear: '2025-26' }).sharesHeld
 */
export const shareCapitalRegister = (
  balances: BalancesState, facts: YearFactsState,
  o: { readonly financialYear: string; readonly asOf?: string },
): ShareCapitalRegister => {
  let membersHolding = 0;
  let sharesHeld = 0;
  let paidUpCapital = 0n;
  for (const m of balances.members.values()) {
    if (m.shares > 0) membersHolding += 1;
    sharesHeld += m.shares;
    paidUpCapital += m.shareCapital;
  }
  const f = yearFactsOf(facts, o.financialYear);
  return {
    financialYear: o.financialYear, asOf: o.asOf ?? balances.through, membersHolding,
    sharesHeld, paidUpCapital, purchased: f.purchased, redeemed: f.redeemed,
  };
};
