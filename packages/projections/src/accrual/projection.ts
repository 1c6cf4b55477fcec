import * as t from 'io-ts';

import { decodeJson } from '../core/decodeJson.ts';
import type { Projection } from '../projection.ts';
import { applyAccrual } from './apply.ts';
import { emptyAccrual, move, movesOf, type AccrualState } from './state.ts';

const AccrualJson = t.type({
  through: t.union([t.null, t.string]),
  accounts: t.array(t.type({
    accountId: t.string, memberId: t.string,
    kind: t.union([t.literal('savings'), t.literal('recurring'), t.literal('fixed')]),
    productId: t.string, rateAnnualPercent: t.string, openedOn: t.string,
    status: t.union([t.literal('open'), t.literal('matured'), t.literal('closed')]),
    days: t.array(t.number), amounts: t.array(t.string), interestPosted: t.string,
  })),
});

/**
 * Interest accrual on deposit accounts: each account's balance changes and the interest
 * credited, from which `depositAccruals` computes what is earned and not yet credited on any
 * date with the finance core (loans: `loanAccruals`, over the balances).
 */
export const accrualProjection = (): Projection<AccrualState> => ({
  name: 'accrual',
  version: 1,
  initialState: emptyAccrual,
  apply: applyAccrual,
  serialize: (s) => ({
    through: s.through,
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
    for (const { days, amounts, ...x } of j.accounts) {
      const a = { ...x, head: -1, tail: -1, count: 0, interestPosted: BigInt(x.interestPosted) };
      s.accounts.set(a.accountId, a);
      days.forEach((day, i) => move(s.moves, a, day, BigInt(amounts[i] ?? '0')));
    }
    return s;
  },
});
