import {
  combine, depositAccruals, depositProductsMissing, liveLoanBalancesProjection, loanAccruals, loanPosition,
  openAccrualProjection, replayAsync, type Combined, type DepositAccrual, type LoanAccrual,
} from '@usha/projections';
import {
  businessDate, moneyString, toEpochDay, type MoneyString, type ProductCatalogue,
  type SocietyId,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { createProjectionRunner, type ProjectionRunner } from '../runner/projectionRunner.ts';
import type { AsOfOptions } from './queryOptions.ts';
import { reversibleOf, type ReportReadOptions } from './reportReadOptions.ts';
import { societyNormsFromStream } from './societyNorms.ts';

/** A loan's accrued interest, with how late it is (income on an NPA waits for payment). */
export interface LoanAccrualLine extends LoanAccrual {
  readonly daysPastDue: number;
  /** Principal not yet repaid, in paise (what the loan-loss provision is a percent of). */
  readonly principalOutstanding: bigint;
  /** An instalment over `npaDaysPastDue` days late: its interest is not income until paid. */
  readonly nonPerforming: boolean;
}

/** Interest earned and not yet credited (deposits) or paid (loans), on a date. */
export interface AccruedInterest {
  /** The business date the figures are for ('' for an empty log asked for no date). */
  readonly asOf: string;
  readonly deposits: ReadonlyArray<DepositAccrual>;
  readonly loans: ReadonlyArray<LoanAccrualLine>;
  /** Deposit interest earned, not credited: the interest payable of accrual-basis books. */
  readonly depositInterestPayable: MoneyString;
  /** Loan interest earned on performing loans, not paid: the interest receivable. */
  readonly loanInterestReceivable: MoneyString;
  /** Loan interest earned on non-performing loans: recognised only when received. */
  readonly loanInterestNotRecognised: MoneyString;
  /**
   * Products of open deposit accounts the catalogue does not hold, sorted: those accounts are
   * not in `deposits` nor in `depositInterestPayable`. The figures are whole only when empty.
   */
  readonly productsMissing: ReadonlyArray<string>;
}

// The balances of loans only: the figures read loans and their schedules, never a member's
// or deposit account's balance (the accrual keeps the deposits' own changes). Both folds let
// go of what the figures never read again: schedules of ended loans, changes of ended accounts.
const sources = (o: ReportReadOptions) => combine(
  { balances: liveLoanBalancesProjection(), accrual: openAccrualProjection() }, reversibleOf(o));
type AccrualSources = Combined<{
  readonly balances: ReturnType<typeof liveLoanBalancesProjection>;
  readonly accrual: ReturnType<typeof openAccrualProjection>;
}>;

/** Days past due beyond which a loan is non-performing, unless the Ledger is told otherwise. */
export const defaultNpaDaysPastDue = 90;

/**
 * An accrued-interest query: as of a date, and the NPA threshold to apply (a year's close
 * passes the society's in force on its 31 March). Omitted: the Ledger's own when it was given
 * one, else the society's in force on the date (as known at `asKnownAt`), else 90 days.
 */
export interface AccruedInterestOptions extends AsOfOptions {
  readonly npaDaysPastDue?: number;
}

const figures = (
  s: AccrualSources, products: ProductCatalogue, asOf: string | undefined, npaDays: number,
): AccruedInterest => {
  const at = asOf ?? s.cursor.through ?? '';
  const when = asOf === undefined ? {} : { asOf };
  const deposits = at === '' ? [] : depositAccruals(s.states.accrual, products, when);
  const balances = s.states.balances;
  const loans = at === '' ? [] : loanAccruals(balances, when).map((l): LoanAccrualLine => {
    const loan = balances.loans.get(l.loanId);
    const p = loan === undefined ? undefined
      : loanPosition(balances.schedules, loan, toEpochDay(businessDate(at, 'asOf')));
    const late = p?.daysPastDue ?? 0;
    return { ...l, daysPastDue: late, principalOutstanding: p?.principalOutstanding ?? 0n,
      nonPerforming: late > npaDays };
  });
  const sum = (xs: ReadonlyArray<bigint>) => xs.reduce((a, b) => a + b, 0n);
  return {
    asOf: at, deposits, loans,
    depositInterestPayable: moneyString(sum(deposits.map((d) => d.accrued))),
    loanInterestReceivable: moneyString(sum(loans.filter((l) => !l.nonPerforming)
      .map((l) => l.accrued))),
    loanInterestNotRecognised: moneyString(sum(loans.filter((l) => l.nonPerforming)
      .map((l) => l.accrued))),
    productsMissing: at === '' ? [] : depositProductsMissing(s.states.accrual, products, when),
  };
};

/**
 * The accrued-interest query: its own projections (loan balances and deposit accrual),
 * started on its first call so that other queries pay nothing for them, then following the
 * log. A date before the latest event applied, or an `asKnownAt`, replays the log up to it.
 */
export const accruedInterestQuery = (q: {
  readonly store: EventStore<LedgerEvent>;
  readonly products: ProductCatalogue;
  readonly lastWritten: () => Position | undefined;
  readonly npaDaysPastDue?: number;
  /** The society whose settings give the NPA threshold when none is given. */
  readonly society?: () => SocietyId | undefined;
  /** Which money events a reversal names, when known beforehand: as the other reports. */
  readonly reading?: ReportReadOptions;
}) => {
  const reading = q.reading ?? {};
  const npaDaysOf = async (o: AccruedInterestOptions, at: string): Promise<number> =>
    o.npaDaysPastDue ?? q.npaDaysPastDue ?? (q.society === undefined
      ? defaultNpaDaysPastDue
      : (await societyNormsFromStream(q.store, q.society(), {
        on: at, ...(o.asKnownAt === undefined ? {} : { asKnownAt: o.asKnownAt }),
      })).standardUpToDays);
  let started: Promise<ProjectionRunner<AccrualSources>> | undefined;
  const start = () => (started ??= (async () => {
    // No checkpoint store: rebuilt at every start, so its state is never serialized.
    const r = createProjectionRunner({ store: q.store, projection: sources(reading) });
    await r.start();
    await r.caughtUp();
    return r;
  })());
  const query = async (o: AccruedInterestOptions = {}): Promise<AccruedInterest> => {
    const replay = () => replayAsync(sources(reading), q.store.readAll(), {
      ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
      ...(o.asKnownAt === undefined ? {} : { asKnownAt: o.asKnownAt }),
    });
    if (o.asKnownAt !== undefined) {
      const s = await replay();
      const at = o.asOf ?? s.cursor.through ?? '';
      return figures(s, q.products, o.asOf, await npaDaysOf(o, at));
    }
    const r = await start();
    const after = o.after ?? q.lastWritten();
    if (after !== undefined) await r.waitFor(after);
    const s = r.state();
    const through = s.cursor.through;
    const live = o.asOf === undefined || through === null || o.asOf >= through;
    const used = live ? s : await replay();
    const at = o.asOf ?? used.cursor.through ?? '';
    return figures(used, q.products, o.asOf, await npaDaysOf(o, at));
  };
  const stop = async () => { if (started !== undefined) await (await started).stop(); };
  return { query, stop };
};
