import * as E from 'fp-ts/lib/Either.js';
import { businessDate, type BusinessDate } from '../dates/businessDate.ts';
import { Decimal } from '../money/decimal.ts';
import { roundMoney } from '../money/rounding.ts';
import type { Decider } from '../shared/decider.ts';
import type { Rejection } from '../shared/rejection.ts';
import { minorOf, moneyString, signedMoneyString } from '../shared/codecs.ts';
import { maxBig, notBefore } from '../shared/guards.ts';
import { shareDividends, type DividendResult } from '../finance/shareDividends.ts';
import { InvalidDepositTermsError } from '../finance/invalidDepositTerms.ts';
import type * as C from './commands.ts';
import type { SocietyEvent } from './events.ts';
import { evolveSociety, initialSocietyState, type SocietyState } from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<SocietyEvent>>;
type Known = Exclude<SocietyState, { status: 'none' }>;

/** Co-operative law asks for at least this share of net profit to go to the statutory reserve. */
export const LEGAL_MINIMUM_RESERVE_PERCENT = '25';

/** The settings a new society starts from. */
export const defaultSocietyConfig = {
  statutoryReservePercent: LEGAL_MINIMUM_RESERVE_PERCENT,
  dividendRateCapPercent: '15',
} as const;

const society = (s: SocietyState, c: { societyId: string; on: BusinessDate }):
  E.Either<Rejection, Known> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'society', id: c.societyId });
  }
  if (s.societyId !== c.societyId) {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'society', expected: s.societyId, got: c.societyId,
    });
  }
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

/** The first and last day of a financial year labelled '2024-25'. */
export const financialYearDates = (label: string): { start: BusinessDate; end: BusinessDate } => {
  const first = Number(label.slice(0, 4));
  return {
    start: businessDate(`${first}-04-01`, 'financialYear'),
    end: businessDate(`${first + 1}-03-31`, 'financialYear'),
  };
};

const configure = (c: C.ConfigureSociety['data'], state: SocietyState): Result => {
  if (state.status !== 'none') {
    const s = society(state, c);
    if (E.isLeft(s)) return s;
  }
  if (new Decimal(c.statutoryReservePercent).lt(LEGAL_MINIMUM_RESERVE_PERCENT)) {
    return E.left({
      type: 'reserve_below_legal_minimum', minimumPercent: LEGAL_MINIMUM_RESERVE_PERCENT,
      requested: c.statutoryReservePercent,
    });
  }
  return E.right([{ type: 'SocietyConfigured', data: {
    societyId: c.societyId, on: c.on, statutoryReservePercent: c.statutoryReservePercent,
    dividendRateCapPercent: c.dividendRateCapPercent,
  } }]);
};

/** The reserve: percent of a profit, rounded up to the paisa so it is never below the law's. */
export const statutoryReserve = (netProfitMinor: bigint, percent: string): bigint => {
  if (netProfitMinor <= 0n) return 0n;
  const exact = new Decimal(moneyString(netProfitMinor)).times(percent).div(100);
  return roundMoney(exact, { digits: 2, mode: 'up' }).minor;
};

const closeYear = (c: C.CloseFinancialYear['data'], state: SocietyState): Result => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const s = k.right;
  const fy = c.financialYear;
  if (Object.hasOwn(s.years, fy)) {
    return E.left({ type: 'financial_year_already_closed', financialYear: fy });
  }
  const { start, end } = financialYearDates(fy);
  if (c.on <= end) {
    return E.left({ type: 'financial_year_not_ended', financialYear: fy, endsOn: end });
  }
  const profit = minorOf(c.netProfit);
  const reserve = statutoryReserve(profit, s.statutoryReservePercent);
  return E.right([{ type: 'FinancialYearClosed', data: {
    societyId: s.societyId, on: c.on, financialYear: fy, startsOn: start, endsOn: end,
    netProfit: c.netProfit, statutoryReservePercent: s.statutoryReservePercent,
    statutoryReserveTransfer: moneyString(reserve), reserveRounding: 'up',
    distributableSurplus: signedMoneyString(profit - reserve),
  } }]);
};

// shareDividends throws InvalidDepositTermsError for holdings it cannot use (a member listed
// twice, more redeemed than held); the decider stays total by turning that into a rejection.
const dividends = (c: C.DeclareDividend['data']): E.Either<Rejection, DividendResult> => {
  const { start, end } = financialYearDates(c.financialYear);
  try {
    return E.right(shareDividends({
      ratePercent: c.ratePercent, faceValue: c.faceValue, holdings: c.holdings,
      from: start, to: end, currencyDigits: 2,
    }));
  } catch (e) {
    if (e instanceof InvalidDepositTermsError) {
      return E.left({ type: 'invalid_terms', field: e.field, reason: e.reason });
    }
    throw e;
  }
};

const declare = (c: C.DeclareDividend['data'], state: SocietyState): Result => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const s = k.right;
  const fy = c.financialYear;
  const year = Object.hasOwn(s.years, fy) ? s.years[fy] : undefined;
  if (year === undefined) return E.left({ type: 'financial_year_not_closed', financialYear: fy });
  if (year.dividend !== null) {
    return E.left({ type: 'dividend_already_declared', financialYear: fy });
  }
  if (new Decimal(c.ratePercent).gt(s.dividendRateCapPercent)) {
    return E.left({
      type: 'dividend_rate_above_cap', capPercent: s.dividendRateCapPercent,
      requested: c.ratePercent,
    });
  }
  const d = dividends(c);
  if (E.isLeft(d)) return d;
  const total = d.right.total.minor;
  if (total > maxBig(0n, year.surplus)) {
    return E.left({
      type: 'dividend_exceeds_surplus', surplus: signedMoneyString(year.surplus),
      total: moneyString(total),
    });
  }
  const parts = d.right.parts.map((p) => ({
    memberId: c.holdings.find((h) => h.memberId === p.memberId)?.memberId,
    shareDays: Number(p.shareDays), amount: moneyString(p.amount.minor),
  }));
  return E.right([{ type: 'DividendDeclared', data: {
    societyId: s.societyId, on: c.on, financialYear: fy, ratePercent: c.ratePercent,
    faceValue: c.faceValue, total: moneyString(total),
    parts: parts.flatMap((p) => (p.memberId === undefined ? [] : [{ ...p, memberId: p.memberId }])),
  } }]);
};

/** The society decider: configuration, financial-year close, dividend declaration. */
export const createSocietyDecider = (): Decider<C.SocietyCommand, SocietyEvent, SocietyState> => ({
  initialState: initialSocietyState,
  evolve: evolveSociety,
  decide: (command, state) => {
    switch (command.type) {
      case 'ConfigureSociety': return configure(command.data, state);
      case 'CloseFinancialYear': return closeYear(command.data, state);
      case 'DeclareDividend': return declare(command.data, state);
    }
  },
});
