import type { BusinessDate } from '../dates/businessDate.ts';
import type { LoanId, MemberId, ProductId, UserId } from '../shared/ids.ts';
import { minorOf } from '../shared/codecs.ts';
import { markReversed, type PostingRecord } from '../shared/correction.ts';
import {
  emptyPersistentMap, mapGet, mapSet, type PersistentMap,
} from '../shared/persistentMap.ts';
import type {
  LoanEvent, LoanScheduleChange, LoanScheduleData, LoanTermsSnapshot, TopUpOf,
} from './events.ts';
import type { Guarantee } from './guarantors.ts';
import { chargeKey, type ChargeRuleRef } from '../charges/chargeRuleRef.ts';

/** Running totals of a loan, in paise. Outstanding principal = disbursed - repaid - written off. */
export interface LoanTotals {
  readonly disbursed: bigint;
  readonly principalRepaid: bigint;
  readonly interestPaid: bigint;
  readonly interestWaived: bigint;
  readonly penaltiesCharged: bigint;
  readonly penaltiesPaid: bigint;
  readonly feesCharged: bigint;
  readonly feesPaid: bigint;
  readonly writtenOff: bigint;
  readonly recovered: bigint;
}

/** What a reversible event added to the totals; a reversal takes it away again. */
export interface LoanPosting extends PostingRecord {
  readonly effect: Partial<LoanTotals>;
}

/** An instalment as the state keeps it. */
export interface DueInstalment {
  readonly dueOn: BusinessDate;
  readonly principal: bigint;
  readonly interest: bigint;
}

/** An amount paid out or repaid on a date, in paise: what a recalculation is made from. */
export interface DatedPaise {
  readonly on: BusinessDate;
  readonly amount: bigint;
}

/** Principal repaid by one repayment; left out of a recalculation once it is reversed. */
export interface PrincipalPayment extends DatedPaise {
  readonly eventId: string;
}

/** A reschedule as later recalculations replay it: recorded on `on`, changing from `from`. */
export interface LoanReschedule {
  readonly on: BusinessDate;
  readonly from: BusinessDate;
  readonly change: LoanScheduleChange;
}

/** Where a loan is in its life. */
export type LoanStatus = 'applied' | 'approved' | 'rejected' | 'active' | 'written_off' | 'closed';

/** A loan. */
export type LoanState =
  | { readonly status: 'none' }
  | {
    readonly status: LoanStatus;
    readonly loanId: LoanId;
    readonly memberId: MemberId;
    readonly productId: ProductId;
    readonly appliedPrincipal: bigint;
    readonly approvedPrincipal: bigint;
    readonly repayments: number;
    readonly firstRepaymentOn: BusinessDate | null;
    readonly recordedBy: UserId;
    readonly lastOn: BusinessDate;
    /** The terms it was paid out under; a reschedule's rate is in `reschedules`. */
    readonly terms: LoanTermsSnapshot | null;
    readonly schedule: ReadonlyArray<DueInstalment>;
    /** The latest schedule as written, or null before disbursement: what a change starts from. */
    readonly scheduleData: LoanScheduleData | null;
    readonly totals: LoanTotals;
    readonly postings: PersistentMap<LoanPosting>;
    /** The guarantors the application named (GuarantorsNamed); none when it named none. */
    readonly guarantors: ReadonlyArray<Guarantee>;
    /** Every tranche paid out, the first (LoanDisbursed) first. */
    readonly disbursements: ReadonlyArray<DatedPaise>;
    /** Principal repaid, repayment by repayment, in the order received. */
    readonly principalPayments: ReadonlyArray<PrincipalPayment>;
    /** Every reschedule, in the order recorded. */
    readonly reschedules: ReadonlyArray<LoanReschedule>;
    /** The loan this one paid off as a top-up, or null. */
    readonly topUpOf: TopUpOf | null;
    /** The rule charges recorded (chargeKey), reversed or not: a rule charges a period once. */
    readonly chargedByRule: Readonly<Record<string, true>>;
  };

/** Before the application. */
export const initialLoanState: LoanState = { status: 'none' };

/** All totals zero. */
export const zeroTotals: LoanTotals = {
  disbursed: 0n, principalRepaid: 0n, interestPaid: 0n, interestWaived: 0n,
  penaltiesCharged: 0n, penaltiesPaid: 0n, feesCharged: 0n, feesPaid: 0n, writtenOff: 0n,
  recovered: 0n,
};

/** Totals with an effect added (sign 1) or taken away (sign -1). */
export const applyEffect = (
  t: LoanTotals, effect: Partial<LoanTotals>, sign: 1n | -1n,
): LoanTotals => {
  const f = (k: keyof LoanTotals): bigint => t[k] + sign * (effect[k] ?? 0n);
  return {
    disbursed: f('disbursed'), principalRepaid: f('principalRepaid'),
    interestPaid: f('interestPaid'), interestWaived: f('interestWaived'),
    penaltiesCharged: f('penaltiesCharged'), penaltiesPaid: f('penaltiesPaid'),
    feesCharged: f('feesCharged'), feesPaid: f('feesPaid'), writtenOff: f('writtenOff'),
    recovered: f('recovered'),
  };
};

/** Outstanding principal: disbursed minus principal repaid minus written off. */
export const outstandingPrincipal = (t: LoanTotals): bigint =>
  t.disbursed - t.principalRepaid - t.writtenOff;

type Known = Exclude<LoanState, { status: 'none' }>;

const withPosting = (s: Known, id: string, eventType: string, effect: Partial<LoanTotals>,
  on: BusinessDate): Known => ({
  ...s, lastOn: on, totals: applyEffect(s.totals, effect, 1n),
  postings: mapSet(s.postings, id, { eventType, reversed: false, effect }),
});

// Every schedule event replaces the whole schedule: the latest one alone is the loan's.
const withSchedule = (s: Known, d: LoanScheduleData, on: BusinessDate): Known => ({
  ...s, lastOn: on, scheduleData: d,
  schedule: d.installments.map((i) => ({
    dueOn: i.dueOn, principal: minorOf(i.principal), interest: minorOf(i.interest),
  })),
});

/** Principal repaid by repayments not reversed since: what a recalculation is made from. */
export const principalPaidSoFar = (s: Known): ReadonlyArray<PrincipalPayment> =>
  s.principalPayments.filter((p) =>
    mapGet(s.postings, p.eventId)?.reversed !== true);

const repaid = (s: Known, eventId: string, on: BusinessDate, principal: bigint): Known =>
  principal === 0n ? s
    : { ...s, principalPayments: [...s.principalPayments, { eventId, on, amount: principal }] };

/** The annual rate in force now: the latest reschedule's that set one, else the terms'. */
export const rateInForce = (s: Known): string | undefined =>
  s.reschedules.findLast((r) => r.change.rateAnnualPercent !== undefined)
    ?.change.rateAnnualPercent ?? s.terms?.rateAnnualPercent;

const byRule = (s: Known, rule: ChargeRuleRef | null): Known =>
  rule === null ? s : { ...s, chargedByRule: { ...s.chargedByRule, [chargeKey(rule)]: true } };

const later = (s: Known, e: LoanEvent): Known => {
  switch (e.type) {
    case 'LoanApplied': return s;
    case 'GuarantorsNamed': return { ...s, guarantors: e.data.guarantors };
    case 'LoanApproved':
      return {
        ...s, status: 'approved', approvedPrincipal: minorOf(e.data.principal),
        lastOn: e.data.on,
      };
    case 'LoanRejected': return { ...s, status: 'rejected', lastOn: e.data.on };
    case 'LoanDisbursed': {
      const d = e.data;
      return {
        ...withSchedule(s, d.schedule, d.on), status: 'active', terms: d.terms,
        topUpOf: d.topUpOf, totals: { ...s.totals, disbursed: minorOf(d.principal) },
        disbursements: [{ on: d.on, amount: minorOf(d.principal) }],
      };
    }
    case 'LoanTrancheDisbursed': {
      const d = e.data;
      return {
        ...withSchedule(s, d.schedule, d.on),
        totals: { ...s.totals, disbursed: s.totals.disbursed + minorOf(d.amount) },
        disbursements: [...s.disbursements, { on: d.on, amount: minorOf(d.amount) }],
      };
    }
    case 'LoanRescheduled':
      // Kept beside the terms, not over them: a recalculation replays the loan from its start
      // and must price the periods before `from` at the rate they were due at.
      return withSchedule({ ...s, reschedules: [...s.reschedules,
        { on: e.data.on, from: e.data.from, change: e.data.change }] }, e.data.schedule,
      e.data.on);
    case 'LoanScheduleRecalculated': return withSchedule(s, e.data.schedule, e.data.on);
    case 'RepaymentReceived':
    case 'LoanPaidOffByTopUp': {
      const a = e.data.allocation;
      const principal = minorOf(a.principal)
        + (e.type === 'RepaymentReceived' ? minorOf(e.data.prepayment) : 0n);
      return withPosting(repaid(s, e.data.eventId, e.data.on, principal), e.data.eventId,
        e.type, {
          penaltiesPaid: minorOf(a.penalties), feesPaid: minorOf(a.fees),
          interestPaid: minorOf(a.interest), principalRepaid: principal,
        }, e.data.on);
    }
    case 'PenaltyCharged':
      return withPosting(byRule(s, e.data.rule), e.data.eventId, e.type,
        { penaltiesCharged: minorOf(e.data.amount) }, e.data.on);
    case 'FeeCharged':
      return withPosting(byRule(s, e.data.rule), e.data.eventId, e.type,
        { feesCharged: minorOf(e.data.amount) }, e.data.on);
    case 'InterestWaived':
      return withPosting(s, e.data.eventId, e.type,
        { interestWaived: minorOf(e.data.amount) }, e.data.on);
    case 'RecoveryReceived':
      return withPosting(s, e.data.eventId, e.type,
        { recovered: minorOf(e.data.amount) }, e.data.on);
    case 'LoanWrittenOff':
      return {
        ...s, status: 'written_off', lastOn: e.data.on,
        totals: { ...s.totals, writtenOff: s.totals.writtenOff + minorOf(e.data.principal) },
      };
    case 'LoanClosed': return { ...s, status: 'closed', lastOn: e.data.on };
    case 'EventReversed': {
      const id = e.data.reversedEventId;
      const p = mapGet(s.postings, id);
      if (p === undefined) return s;
      return {
        ...s, lastOn: e.data.on, totals: applyEffect(s.totals, p.effect, -1n),
        postings: markReversed(s.postings, id),
      };
    }
  }
};

/** Applies one loan event. */
export const evolveLoan = (state: LoanState, event: LoanEvent): LoanState => {
  if (state.status !== 'none') return later(state, event);
  if (event.type !== 'LoanApplied') return state;
  const d = event.data;
  return {
    status: 'applied', loanId: d.loanId, memberId: d.memberId, productId: d.productId,
    appliedPrincipal: minorOf(d.principal), approvedPrincipal: 0n, repayments: d.repayments,
    firstRepaymentOn: d.firstRepaymentOn, recordedBy: d.recordedBy, lastOn: d.on, terms: null,
    schedule: [], scheduleData: null, totals: zeroTotals, postings: emptyPersistentMap(),
    guarantors: [],
    disbursements: [], principalPayments: [], reschedules: [], topUpOf: null,
    chargedByRule: {},
  };
};
