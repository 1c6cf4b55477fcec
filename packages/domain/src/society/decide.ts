import * as E from 'fp-ts/lib/Either.js';
import type { BusinessDate } from '../dates/businessDate.ts';
import { Decimal } from '../money/decimal.ts';
import { roundMoney } from '../money/rounding.ts';
import type { Decider, WithFacts } from '../shared/decider.ts';
import type { Rejection } from '../shared/rejection.ts';
import { minorOf, moneyString, signedMoneyString } from '../shared/codecs.ts';
import { maxBig, notBefore } from '../shared/guards.ts';
import type * as C from './commands.ts';
import type { SocietyEvent } from './events.ts';
import {
  evolveSociety, heldToBooksFirstEntry, initialSocietyState, yearInProgress, yearToCloseNext,
  type AllocationProgress, type ClosedYear, type SocietyState,
} from './state.ts';
import { normsFault, settingsOn, type SocietySettings } from './settings.ts';
import { noSocietyLendingLimits } from './lendingLimits.ts';
import { tdsOff } from '../tds/tdsSettings.ts';
import {
  allocationDigest, batchCount, batchLength, byMemberId, chainDigest, DIVIDEND_BATCH_SIZE,
} from './allocation.ts';
import { dividendParts } from './dividendParts.ts';
import {
  assetClasses, defaultProvisioningNorms, provisionOf, type AssetClass, type ClassProvision,
  type ClassProvisions,
} from './provisioning.ts';
import { financialYearDates } from './financialYearDates.ts';
import type {
  CloseFinancialYearFacts, DeclareDividendFacts, SocietyFacts, YearOrderFacts,
} from './facts.ts';
import { financialYearOf } from '../dates/financialYear.ts';
import { decideRateChange, type ChangeProductRate } from '../products/rateChange.ts';
import type { ProductCatalogue } from '../products/productCatalogue.ts';

type Result = E.Either<Rejection, ReadonlyArray<SocietyEvent>>;
type Known = Exclude<SocietyState, { status: 'none' }>;

/** A society command with the facts it is decided on. */
export type SocietyDecision = WithFacts<C.SocietyCommand, SocietyFacts>;

/** Co-operative law asks for at least this share of net profit to go to the statutory reserve. */
export const LEGAL_MINIMUM_RESERVE_PERCENT = '25';

/** The settings a new society starts from. */
export const defaultSocietyConfig = {
  statutoryReservePercent: LEGAL_MINIMUM_RESERVE_PERCENT,
  dividendRateCapPercent: '15',
} as const;

/** The settings in force on `on` (a configured society always has some). */
export const societySettingsOn = (s: Known, on: BusinessDate): SocietySettings =>
  settingsOn(s.settings, on) ?? { ...defaultSocietyConfig,
    provisioningNorms: defaultProvisioningNorms, lendingLimits: noSocietyLendingLimits,
    tds: tdsOff };

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

// The society and one of its closed years: what the dividend commands act on.
const closedYear = (
  state: SocietyState, c: { societyId: string; on: BusinessDate; financialYear: string },
): E.Either<Rejection, { readonly s: Known; readonly year: ClosedYear }> => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const s = k.right;
  const fy = c.financialYear;
  const year = Object.hasOwn(s.years, fy) ? s.years[fy] : undefined;
  return year === undefined ? E.left({ type: 'financial_year_not_closed', financialYear: fy })
    : E.right({ s, year });
};

const reserveFault = (requested: string): E.Either<Rejection, true> =>
  new Decimal(requested).lt(LEGAL_MINIMUM_RESERVE_PERCENT)
    ? E.left({ type: 'reserve_below_legal_minimum',
      minimumPercent: LEGAL_MINIMUM_RESERVE_PERCENT, requested })
    : E.right(true);

// Configured again, the society keeps the norms in force: only ChangeSocietySettings states
// them, so a configuration sent twice cannot put the defaults back unseen.
const configure = (c: C.ConfigureSociety['data'], state: SocietyState): Result => {
  let norms = defaultProvisioningNorms;
  let limits = c.lendingLimits ?? noSocietyLendingLimits;
  // Off unless asked for: the law's figures change and the society must choose them.
  let tds = c.tds ?? tdsOff;
  if (state.status !== 'none') {
    const s = society(state, c);
    if (E.isLeft(s)) return s;
    const inForce = societySettingsOn(s.right, c.on);
    norms = inForce.provisioningNorms;
    limits = c.lendingLimits ?? inForce.lendingLimits;
    tds = c.tds ?? inForce.tds;
  }
  const reserve = reserveFault(c.statutoryReservePercent);
  if (E.isLeft(reserve)) return reserve;
  return E.right([{ type: 'SocietyConfigured', data: {
    societyId: c.societyId, on: c.on, statutoryReservePercent: c.statutoryReservePercent,
    dividendRateCapPercent: c.dividendRateCapPercent, provisioningNorms: norms,
    lendingLimits: limits, tds,
  } }]);
};

const changeSettings = (c: C.ChangeSocietySettings['data'], state: SocietyState): Result => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const reserve = reserveFault(c.statutoryReservePercent);
  if (E.isLeft(reserve)) return reserve;
  const fault = normsFault(c.provisioningNorms);
  if (fault !== undefined) return E.left({ type: 'invalid_society_settings', ...fault });
  return E.right([{ type: 'SocietySettingsChanged', data: {
    societyId: k.right.societyId, on: c.on, statutoryReservePercent: c.statutoryReservePercent,
    dividendRateCapPercent: c.dividendRateCapPercent, provisioningNorms: c.provisioningNorms,
    lendingLimits: c.lendingLimits ?? societySettingsOn(k.right, c.on).lendingLimits,
    tds: c.tds ?? societySettingsOn(k.right, c.on).tds,
  } }]);
};

/** The reserve: percent of a profit, rounded up to the paisa so it is never below the law's. */
export const statutoryReserve = (netProfitMinor: bigint, percent: string): bigint => {
  if (netProfitMinor <= 0n) return 0n;
  const exact = new Decimal(moneyString(netProfitMinor)).times(percent).div(100);
  return roundMoney(exact, { digits: 2, mode: 'up' }).minor;
};

// Years close in order, so each opens on the balances the one before closed with: the year
// named is not closed yet and is the next to close.
const nextToClose = (s: Known, fy: string): E.Either<Rejection, true> => {
  if (Object.hasOwn(s.years, fy)) {
    return E.left({ type: 'financial_year_already_closed', financialYear: fy });
  }
  const expected = yearToCloseNext(s);
  return expected !== null && fy !== expected
    ? E.left({ type: 'year_not_next', financialYear: fy, expected }) : E.right(true);
};

// The society's first close may be of any year it has books for, but not of a year after one
// whose books hold entries: that year would never close, its income and expenses left in the
// books for good. Once a year is closed, the order follows it (nextToClose). A year with a
// year-end entry of its own goes on: no other year may begin before it closes, so an entry
// dated before it stored since would else leave no year that could close. A year only begun is
// held to it at each step: from its beginning no entry dated in or before it is taken, so the
// books' first entry read after that is final (one stored in the round trip of the beginning,
// through another Ledger, is found by the next step), and the earlier year may begin instead.
// Checked after a command's own checks, before a close's year-end entries.
const firstCloseInOrder = (
  s: Known, fy: string, start: BusinessDate, f: YearOrderFacts,
): E.Either<Rejection, true> => {
  if (!heldToBooksFirstEntry(s, fy)) return E.right(true);
  const first = f.booksFirstEntryOn;
  return first === null || first >= start ? E.right(true)
    : E.left({ type: 'year_not_next', financialYear: fy, expected: financialYearOf(first).label });
};

// Begun again (a close run again after one that stopped) records it again: nothing changes.
const beginClose = (
  c: C.BeginYearClose['data'], f: YearOrderFacts, state: SocietyState,
): Result => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const fy = c.financialYear;
  const open = nextToClose(k.right, fy);
  if (E.isLeft(open)) return open;
  const started = yearInProgress(k.right);
  if (started !== null && started !== fy) {
    return E.left({ type: 'year_not_next', financialYear: fy, expected: started });
  }
  const { start, end } = financialYearDates(fy);
  if (c.on <= end) {
    return E.left({ type: 'financial_year_not_ended', financialYear: fy, endsOn: end });
  }
  const inOrder = firstCloseInOrder(k.right, fy, start, f);
  if (E.isLeft(inOrder)) return inOrder;
  return E.right([{ type: 'YearCloseBegun', data: {
    societyId: k.right.societyId, on: c.on, financialYear: fy,
  } }]);
};

const closeYear = (
  c: C.CloseFinancialYear['data'], f: CloseFinancialYearFacts, state: SocietyState,
): Result => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const s = k.right;
  const fy = c.financialYear;
  const open = nextToClose(s, fy);
  if (E.isLeft(open)) return open;
  const { start, end } = financialYearDates(fy);
  if (c.on <= end) {
    return E.left({ type: 'financial_year_not_ended', financialYear: fy, endsOn: end });
  }
  const inOrder = firstCloseInOrder(s, fy, start, f);
  if (E.isLeft(inOrder)) return inOrder;
  // Checked last, so a caller can ask whether the close would pass once its entries are in.
  const missing = [
    ...s.accrualsRecorded.includes(fy) ? [] : ['YearEndAccrualsRecorded'],
    ...s.provisionedYears.includes(fy) ? [] : ['LoanLossProvisionSet'],
  ];
  if (missing.length > 0) {
    return E.left({ type: 'year_end_entries_missing', financialYear: fy, missing });
  }
  const percent = societySettingsOn(s, end).statutoryReservePercent;
  const profit = minorOf(f.netProfit);
  const reserve = statutoryReserve(profit, percent);
  return E.right([{ type: 'FinancialYearClosed', data: {
    societyId: s.societyId, on: c.on, financialYear: fy, startsOn: start, endsOn: end,
    netProfit: f.netProfit, statutoryReservePercent: percent,
    statutoryReserveTransfer: moneyString(reserve), reserveRounding: 'up',
    distributableSurplus: signedMoneyString(profit - reserve),
  } }]);
};

// The checks a year-end entry (the accruals, the provision) shares with the close: the society,
// the year open and next to close; and its own: dated the year's 31 March. Its date is not
// held to the stream's last (see recordAccruals).
const yearEndEntry = (
  c: { societyId: string; financialYear: string; on: BusinessDate }, state: SocietyState,
  notAtYearEnd: (endsOn: BusinessDate) => Rejection,
): E.Either<Rejection, { s: Known; end: BusinessDate }> => {
  const k = society(state, { societyId: c.societyId,
    on: state.status === 'none' ? c.on : state.lastOn });
  if (E.isLeft(k)) return k;
  const open = nextToClose(k.right, c.financialYear);
  if (E.isLeft(open)) return open;
  // While one year's entries wait for its close, no other year's may start.
  const started = yearInProgress(k.right);
  if (started !== null && started !== c.financialYear) {
    return E.left({ type: 'year_not_next', financialYear: c.financialYear, expected: started });
  }
  const { end } = financialYearDates(c.financialYear);
  return c.on === end ? E.right({ s: k.right, end }) : E.left(notAtYearEnd(end));
};

// The first close's order (firstCloseInOrder), for a year-end entry past its own checks.
const entryInOrder = (s: Known, fy: string, f: YearOrderFacts): E.Either<Rejection, true> =>
  firstCloseInOrder(s, fy, financialYearDates(fy).start, f);

// Dated the year's last day, so the accruals fall in the year they are for, also when the
// society's stream has events dated later (a close's figures are taken after 31 March): the
// exception to "a stream's dates never go back", as for interest posted to 31 March.
const recordAccruals = (
  c: C.RecordYearEndAccruals['data'], f: YearOrderFacts, state: SocietyState,
): Result => {
  const k = yearEndEntry(c, state, (endsOn) =>
    ({ type: 'accruals_not_at_year_end', financialYear: c.financialYear, endsOn }));
  if (E.isLeft(k)) return k;
  const { s, end } = k.right;
  const fy = c.financialYear;
  if (s.accrualsRecorded.includes(fy)) {
    return E.left({ type: 'year_end_accruals_already_recorded', financialYear: fy });
  }
  const inOrder = entryInOrder(s, fy, f);
  if (E.isLeft(inOrder)) return inOrder;
  return E.right([{ type: 'YearEndAccrualsRecorded', data: {
    societyId: s.societyId, on: end, financialYear: fy,
    depositInterestPayable: c.depositInterestPayable,
    loanInterestReceivable: c.loanInterestReceivable,
    loanInterestNotRecognised: c.loanInterestNotRecognised,
  } }]);
};

// Dated 31 March like the accruals, and under the same order rule; the society applies its
// own norms' percents to the counted classes, so the figures cannot disagree with the norms.
const setProvision = (
  c: C.SetLoanLossProvision['data'], f: YearOrderFacts, state: SocietyState,
): Result => {
  const k = yearEndEntry(c, state, (endsOn) =>
    ({ type: 'provision_not_at_year_end', financialYear: c.financialYear, endsOn }));
  if (E.isLeft(k)) return k;
  const { s, end } = k.right;
  const fy = c.financialYear;
  if (s.provisionedYears.includes(fy)) {
    return E.left({ type: 'loan_loss_provision_already_set', financialYear: fy });
  }
  const inOrder = entryInOrder(s, fy, f);
  if (E.isLeft(inOrder)) return inOrder;
  const norms = societySettingsOn(s, end).provisioningNorms;
  const line = (cls: AssetClass): ClassProvision => {
    const h = c.byClass[cls];
    const percent = norms.percent[cls];
    return { loans: h.loans, outstanding: h.outstanding, percent,
      provision: moneyString(provisionOf(minorOf(h.outstanding), percent)) };
  };
  const byClass: ClassProvisions = {
    standard: line('standard'), subStandard: line('subStandard'),
    doubtful: line('doubtful'), loss: line('loss'),
  };
  const total = assetClasses.reduce((a, cls) => a + minorOf(byClass[cls].provision), 0n);
  return E.right([{ type: 'LoanLossProvisionSet', data: {
    societyId: s.societyId, on: end, financialYear: fy, byClass, total: moneyString(total),
    previousTotal: moneyString(s.provisionTotal),
  } }]);
};

const declare = (
  c: C.DeclareDividend['data'], f: DeclareDividendFacts, state: SocietyState,
): Result => {
  const found = closedYear(state, c);
  if (E.isLeft(found)) return found;
  const { s, year } = found.right;
  const fy = c.financialYear;
  if (year.dividend !== null) {
    return E.left({ type: 'dividend_already_declared', financialYear: fy });
  }
  // The cap in force on the declaration's date: the latest, as the stream's dates never go back.
  const cap = societySettingsOn(s, c.on).dividendRateCapPercent;
  if (new Decimal(c.ratePercent).gt(cap)) {
    return E.left({
      type: 'dividend_rate_above_cap', capPercent: cap,
      requested: c.ratePercent,
    });
  }
  const d = dividendParts({ ...c, ...f });
  if (E.isLeft(d)) return d;
  const { total, parts } = d.right;
  if (total > maxBig(0n, year.surplus)) {
    return E.left({
      type: 'dividend_exceeds_surplus', surplus: signedMoneyString(year.surplus),
      total: moneyString(total),
    });
  }
  // The parts are recorded apart, in batches (RecordDividendAllocation): this event commits to
  // them by count and digest, and stays the same size for 20 members or 2,00,000.
  return E.right([{ type: 'DividendDeclared', data: {
    societyId: s.societyId, on: c.on, financialYear: fy, ratePercent: c.ratePercent,
    faceValue: f.faceValue, total: moneyString(total),
    allocation: {
      kind: 'batches', members: parts.length, batchSize: DIVIDEND_BATCH_SIZE,
      batches: batchCount(parts.length), digest: allocationDigest(parts),
    },
  } }]);
};

const mismatch = (c: C.RecordDividendAllocation['data'], reason: string): Result =>
  E.left({ type: 'dividend_allocation_mismatch', financialYear: c.financialYear,
    batch: c.batch, reason });

// The batch's own checks, before the digest: its place, its size, its order.
const batchFault = (
  c: C.RecordDividendAllocation['data'], a: AllocationProgress | null,
): string | undefined => {
  if (a === null || a.kind !== 'batches') return 'no dividend declared in batches for the year';
  if (a.recorded === a.batches) return 'every batch is recorded';
  if (c.batch !== a.recorded) return `batch ${a.recorded} is the next to record`;
  const size = batchLength(a.members, c.batch, a.batchSize);
  if (c.parts.length !== size) return `expected ${size} parts, got ${c.parts.length}`;
  for (let i = 1; i < c.parts.length; i++) {
    if (byMemberId(c.parts[i - 1]!, c.parts[i]!) >= 0) return 'parts not in member id order';
  }
  return undefined;
};

const recordAllocation = (c: C.RecordDividendAllocation['data'], state: SocietyState): Result => {
  const found = closedYear(state, c);
  if (E.isLeft(found)) return found;
  const { s, year } = found.right;
  const fy = c.financialYear;
  const a = year.allocation;
  const fault = batchFault(c, a);
  if (fault !== undefined || a?.kind !== 'batches') return mismatch(c, fault ?? '');
  const digest = chainDigest(a.head, c.parts);
  let allocated = a.allocated;
  for (const p of c.parts) allocated += minorOf(p.amount);
  if (c.batch === a.batches - 1) {
    // The last batch closes the chain: the parts recorded are exactly the ones declared.
    if (digest !== a.digest) return mismatch(c, 'the digest differs from the declared one');
    if (allocated !== year.dividend) {
      return mismatch(c, `the parts sum to ${moneyString(allocated)}, not the declared total`);
    }
  } else if (allocated > (year.dividend ?? 0n)) {
    return mismatch(c, `the parts so far sum to ${moneyString(allocated)}, over the total`);
  }
  return E.right([{ type: 'DividendAllocated', data: {
    societyId: s.societyId, on: c.on, financialYear: fy, batch: c.batch, parts: c.parts, digest,
  } }]);
};

// The payout ends after the parts are all recorded (a version 1 declaration has them). Each run
// records its end: a later run (which pays parts a run refused) and a run cut short and
// completed after another ended. Whether a new run may start is the process's to decide, on
// the last end's `refused` (refusedAtEnd).
// Its date is the run's, not held to the stream's last: a run cut short and completed after a
// later run ended records its end on its own date (else it would be resumed at every open).
const endRun = (c: C.EndDividendRun['data'], state: SocietyState): Result => {
  const found = closedYear(state,
    { ...c, on: state.status === 'configured' && c.on < state.lastOn ? state.lastOn : c.on });
  if (E.isLeft(found)) return found;
  const { s, year } = found.right;
  const fy = c.financialYear;
  const a = year.allocation;
  const fault = a === null ? 'no dividend declared for the year'
    : a.kind === 'batches' && a.recorded < a.batches
      ? `batch ${a.recorded} is the next to record` : undefined;
  if (fault !== undefined) {
    return E.left({ type: 'dividend_allocation_mismatch', financialYear: fy,
      batch: a?.kind === 'batches' ? a.recorded : 0, reason: fault });
  }
  return E.right([{ type: 'DividendRunEnded', data: {
    societyId: s.societyId, on: c.on, financialYear: fy, credited: c.credited,
    payableInCash: c.payableInCash, refused: c.refused,
  } }]);
};

// A savings product's rate change, recorded here so that every Ledger and a replay read it.
const changeRate = (
  products: ProductCatalogue, c: ChangeProductRate['data'], state: SocietyState,
): Result => {
  const k = society(state, c);
  if (E.isLeft(k)) return k;
  const d = decideRateChange(products, k.right.rateSteps ?? {}, c);
  return E.isLeft(d) ? d : E.right([{ type: 'ProductRateChanged', data: d.right }]);
};

/**
 * The society decider: configuration, year-end accruals and close, dividends and parts, and
 * savings rate changes, checked against `products` (none given: every product is unknown).
 */
export const createSocietyDecider = (config: { readonly products?: ProductCatalogue } = {}):
  Decider<SocietyDecision, SocietyEvent, SocietyState> => ({
  initialState: initialSocietyState,
  evolve: evolveSociety,
  decide: (command, state) => {
    switch (command.type) {
      case 'ConfigureSociety': return configure(command.data, state);
      case 'ChangeSocietySettings': return changeSettings(command.data, state);
      case 'EndDividendRun': return endRun(command.data, state);
      case 'BeginYearClose': return beginClose(command.data, command.facts, state);
      case 'CloseFinancialYear': return closeYear(command.data, command.facts, state);
      case 'DeclareDividend': return declare(command.data, command.facts, state);
      case 'RecordDividendAllocation': return recordAllocation(command.data, state);
      case 'RecordYearEndAccruals': return recordAccruals(command.data, command.facts, state);
      case 'SetLoanLossProvision': return setProvision(command.data, command.facts, state);
      case 'ChangeProductRate': return changeRate(config.products ?? {}, command.data, state);
    }
  },
});
