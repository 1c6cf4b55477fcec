import * as E from 'fp-ts/lib/Either.js';
import {
  addDays, InvalidDepositTermsError, moneyString, outstandingPrincipal, streamNameFor,
  type BusinessDate, type Command, type MemberId, type MoneyString, type ProductCatalogue,
  type SignedMoneyString,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { accountHistory } from './accountHistory.ts';
import type { FillFacts } from './commandHandler.ts';
import {
  interestAtMaturity, interestForPeriod, interestOnEarlyClosure,
} from './depositInterest.ts';
import { ledgerFilledFields } from './ledgerFilled.ts';
import type { MemberIndex } from './memberIndex.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState, StreamStates } from './streamStates.ts';
import { shareHoldings } from './shareHoldings.ts';

/** Where the figures come from. */
export interface FactSources {
  readonly store: EventStore<LedgerEvent>;
  readonly states: StreamStates;
  readonly members: MemberIndex;
  readonly products: ProductCatalogue;
  /** Net profit of a financial year, from the income statement (the projections). */
  readonly netProfit: (financialYear: string) => Promise<SignedMoneyString>;
}

type Result = E.Either<LedgerRejection, Command>;

const outstandingOf = async (f: FactSources, memberId: string): Promise<bigint> => {
  let sum = 0n;
  for (const loanId of f.members.get(memberId)?.loans ?? []) {
    const s = await f.states.load(`loan-${loanId}`, 'loan');
    if (s.state.kind === 'loan' && s.state.state.status !== 'none') {
      sum += outstandingPrincipal(s.state.state.totals);
    }
  }
  return sum;
};

const sharesHeld = async (f: FactSources, memberId: MemberId): Promise<number> => {
  const s = await f.states.load(streamNameFor.shares(memberId), 'shares');
  return s.state.kind === 'shares' && s.state.state.status === 'open' ? s.state.state.shares : 0;
};

const openAccounts = async (f: FactSources, memberId: string): Promise<number> => {
  let n = 0;
  for (const d of f.members.get(memberId)?.deposits ?? []) {
    const s = await f.states.load(`deposit-${d.accountId}`, 'deposit');
    const st = s.state.kind === 'deposit' ? s.state.state.status : 'none';
    if (st === 'open' || st === 'matured') n += 1;
  }
  return n;
};

// The deposit figures: a command for an account that is not open is left for the decider to
// refuse; an engine that refuses the terms is `cannot_compute`.
const depositFigures = async (
  f: FactSources, c: Command, target: StreamState,
): Promise<Result> => {
  const s = target.state;
  if (s.kind !== 'deposit' || s.state.status === 'none') return E.right(c);
  const a = s.state;
  const p = f.products[a.productId];
  if (p === undefined || (p.kind !== 'savings' && p.kind !== 'recurring' && p.kind !== 'fixed')) {
    return E.right(c);
  }
  const h = await accountHistory(f.store, target.stream);
  try {
    switch (c.type) {
      case 'PostInterest': {
        const periodFrom = a.interestPostedThrough === null ? a.openedOn
          : nextDay(a.interestPostedThrough);
        const amount = moneyString(interestForPeriod(a, p, h, c.data.periodTo));
        return E.right({ ...c, data: { ...c.data, periodFrom, amount } });
      }
      case 'MatureDeposit':
        if (p.kind === 'savings') return E.right(c);
        return E.right({ ...c,
          data: { ...c.data, interest: moneyString(interestAtMaturity(a, p, h)) } });
      case 'CloseDepositEarly':
        if (p.kind === 'savings' || c.data.on >= (a.maturesOn ?? a.openedOn)) return E.right(c);
        return E.right({ ...c, data: { ...c.data,
          interest: moneyString(interestOnEarlyClosure(a, p, h, c.data.on)) } });
      default: return E.right(c);
    }
  } catch (e) {
    if (e instanceof InvalidDepositTermsError) {
      return E.left({ type: 'cannot_compute', field: e.field, reason: e.reason });
    }
    throw e;
  }
};

const nextDay = (d: BusinessDate): BusinessDate => addDays(d, 1);

/**
 * Fills in the fields the domain expects from other aggregates (commands.md, "Facts from other
 * aggregates"), read when the command is handled; a caller's values for them are ignored.
 */
export const fillFacts = (f: FactSources): FillFacts => (c, target) =>
  // Most commands have nothing to fill: they go on at once, not a promise later.
  Object.hasOwn(ledgerFilledFields, c.type) ? filled(f, c, target) : E.right(c);

const filled = async (f: FactSources, c: Command, target: StreamState): Promise<Result> => {
  switch (c.type) {
    case 'ExitMember': {
      const m = c.data.memberId;
      return E.right({ ...c, data: { ...c.data,
        outstandingLoanPrincipal: moneyString(await outstandingOf(f, m)),
        sharesHeld: await sharesHeld(f, m), openDepositAccounts: await openAccounts(f, m) } });
    }
    case 'RedeemShares':
      return E.right({ ...c, data: { ...c.data,
        outstandingLoanPrincipal: moneyString(await outstandingOf(f, c.data.memberId)) } });
    case 'PostInterest': case 'MatureDeposit': case 'CloseDepositEarly':
      return depositFigures(f, c, target);
    case 'CloseFinancialYear':
      return E.right({ ...c,
        data: { ...c.data, netProfit: await f.netProfit(c.data.financialYear) } });
    case 'DeclareDividend': {
      const h = await shareHoldings(f, c.data.financialYear);
      const faceValue = h.faceValue ?? firstFaceValue(f.products) ?? c.data.faceValue;
      return E.right({ ...c, data: { ...c.data, holdings: h.holdings, faceValue } });
    }
    default: return E.right(c);
  }
};

const firstFaceValue = (products: ProductCatalogue): MoneyString | undefined => {
  for (const p of Object.values(products)) if (p.kind === 'share') return p.faceValue;
  return undefined;
};
