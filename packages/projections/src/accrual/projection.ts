import * as t from 'io-ts';
import { DateString } from '@usha/domain';

import { decodeJson } from '../core/decodeJson.ts';
import type { Projection } from '../projection.ts';
import { applyAccrual } from './apply.ts';
import { emptyAccrual, move, movesOf, type AccrualState } from './state.ts';

const RateStepsJson = t.record(t.string,
  t.array(t.type({ effectiveFrom: DateString, rateAnnualPercent: t.string })));

// Version 1 had no rate changes: its state reads as one with none (rateSteps left out).
const AccrualJson = t.intersection([t.partial({ rateSteps: RateStepsJson }), t.type({
  through: t.union([t.null, t.string]),
  accounts: t.array(t.type({
    accountId: t.string, memberId: t.string,
    kind: t.union([t.literal('savings'), t.literal('recurring'), t.literal('fixed')]),
    productId: t.string, rateAnnualPercent: t.string, openedOn: t.string,
    status: t.union([t.literal('open'), t.literal('matured'), t.literal('closed')]),
    days: t.array(t.number), amounts: t.array(t.string), interestPosted: t.string,
  })),
})]);

/**
 * Interest accrual on deposit accounts: each account's balance changes and the interest
 * credited, from which `depositAccruals` computes what is earned and not yet credited on any
 * date with the finance core (loans: `loanAccruals`, over the balances).
 */
export const accrualProjection = (): Projection<AccrualState> => ({
  name: 'accrual',
  // 2: savings accrue at the rate in force each day (ProductRateChanged). A checkpoint of 1
  // may have passed a rate change by, so a runner rebuilds it rather than trust it.
  version: 2,
  initialState: emptyAccrual,
  apply: applyAccrual,
  serialize: (s) => ({
    through: s.through, rateSteps: s.rateSteps,
    accounts: [...s.accounts.values()].map((a) => {
      const { days, amounts } = movesOf(s.moves, a);
      return {
        accountId: a.accountId, memberId: a.memberId, kind: a.kind, productId: a.productId,
        rateAnnualPercent: a.rateAnnualPercent, openedOn: a.openedOn, status: a.status,
        days, amounts: amounts.map(String), interestPosted: String(a.interestPosted),
      };
    }),
  }),
  deserialize: (json) => {
    const j = decodeJson('accrual', AccrualJson, json);
    const s = emptyAccrual();
    s.through = j.through;
    s.rateSteps = j.rateSteps ?? {};
    for (const { days, amounts, ...x } of j.accounts) {
      const a = { ...x, head: -1, tail: -1, count: 0, interestPosted: BigInt(x.interestPosted) };
      s.accounts.set(a.accountId, a);
      days.forEach((day, i) => move(s.moves, a, day, BigInt(amounts[i] ?? '0')));
    }
    return s;
  },
});
