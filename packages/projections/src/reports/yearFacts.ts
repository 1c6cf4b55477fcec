import * as t from 'io-ts';
import { financialYearLabel } from '../books/financialYearLabel.ts';
import { decodeJson } from '../core/decodeJson.ts';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import type { Projection } from '../projection.ts';

/** Shares bought or redeemed in a financial year: their count and rupees, in paise. */
export interface ShareMovement {
  readonly shares: number;
  readonly amount: bigint;
}

/** One financial year's share movements and the dividend declared on it (paise). */
export interface YearFacts {
  purchased: ShareMovement;
  redeemed: ShareMovement;
  dividendDeclared: bigint | null;
}

/**
 * What the year-end reports need beyond balances and books, by financial year label. Mutable:
 * `apply` updates it in place. Grows with years, not with events.
 */
export type YearFactsState = Map<string, YearFacts>;

const none: ShareMovement = { shares: 0, amount: 0n };

/** A year's facts, zero when the log holds none for it. */
export const yearFactsOf = (s: YearFactsState, financialYear: string): YearFacts =>
  s.get(financialYear) ?? { purchased: none, redeemed: none, dividendDeclared: null };

const at = (s: YearFactsState, on: string): YearFacts => {
  const fy = financialYearLabel(on);
  let f = s.get(fy);
  if (f === undefined) {
    f = { purchased: none, redeemed: none, dividendDeclared: null };
    s.set(fy, f);
  }
  return f;
};

const add = (m: ShareMovement, shares: number, amount: bigint): ShareMovement =>
  ({ shares: m.shares + shares, amount: m.amount + amount });

// A reversal takes the movement out of the year it is dated in, as the books post it there:
// a closed year's figures do not change after the fact.
const applyFacts = (s: YearFactsState, e: ResolvedEvent): YearFactsState => {
  const on = e.metadata.effectiveOn;
  switch (e.type) {
    case 'SharesPurchased': case 'SharesRedeemed': {
      const f = at(s, on);
      const k = e.type === 'SharesPurchased' ? 'purchased' : 'redeemed';
      f[k] = add(f[k], e.data.shares, minor(e.data.amount));
      return s;
    }
    case 'EventReversed': {
      const r = e.reversed;
      if (r === undefined || r === null) return s;
      if (r.type !== 'SharesPurchased' && r.type !== 'SharesRedeemed') return s;
      const f = at(s, on);
      const k = r.type === 'SharesPurchased' ? 'purchased' : 'redeemed';
      f[k] = add(f[k], -r.shares, -r.amount);
      return s;
    }
    case 'DividendDeclared':
      s.set(e.data.financialYear, {
        ...yearFactsOf(s, e.data.financialYear), dividendDeclared: minor(e.data.total),
      });
      return s;
    default: return s;
  }
};

const Movement = t.tuple([t.number, t.string]);
const FactsJson = t.array(t.tuple([t.string, Movement, Movement, t.union([t.null, t.string])]));

/**
 * Share purchases and redemptions by financial year (net of reversals) and each year's declared
 * dividend: what the share capital register and the profit appropriation read.
 */
export const yearFactsProjection = (): Projection<YearFactsState> => ({
  name: 'yearFacts',
  version: 1,
  initialState: () => new Map(),
  apply: applyFacts,
  serialize: (s) => [...s].map(([fy, f]) => [fy,
    [f.purchased.shares, String(f.purchased.amount)],
    [f.redeemed.shares, String(f.redeemed.amount)],
    f.dividendDeclared === null ? null : String(f.dividendDeclared)]),
  deserialize: (json) => new Map(decodeJson('yearFacts', FactsJson, json).map(
    ([fy, p, r, d]) => [fy, {
      purchased: { shares: p[0], amount: BigInt(p[1]) },
      redeemed: { shares: r[0], amount: BigInt(r[1]) },
      dividendDeclared: d === null ? null : BigInt(d),
    }])),
});
