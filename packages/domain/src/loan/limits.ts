import * as E from 'fp-ts/lib/Either.js';
import type { DepositState } from '../deposit/state.ts';
import { freeBalanceMinor } from '../deposit/liens.ts';
import type { MemberState } from '../member/state.ts';
import type { ShareState } from '../shares/state.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type { LoanProduct } from '../products/loanProduct.ts';
import type { LoanId, MemberId } from '../shared/ids.ts';
import { minorOf, moneyString, type MoneyString } from '../shared/codecs.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { Guarantee } from './guarantors.ts';
import type { SocietyLendingLimits } from '../society/lendingLimits.ts';
import { withinSocietyLimits, type CountedLoan } from './societyLimits.ts';
import type { LoanStatus } from './state.ts';

/**
 * One loan of the member's as its stream holds it: enough to say whether it is still open,
 * and (for the society-wide cap) what principal it holds.
 */
export interface LoanStatusFact extends CountedLoan {
  readonly loanId: LoanId;
  readonly status: LoanStatus;
}

/** A named guarantor as her streams hold her: her membership and the account to be liened. */
export interface GuarantorFact {
  readonly member: MemberState;
  readonly account: DepositState;
}

/**
 * What the lending limits are checked on, read from the borrower's and the guarantors' streams
 * when the application or the approval is handled (the caller never sends them).
 */
export interface LendingFacts {
  /** The borrower's share account. */
  readonly shares: ShareState;
  /** Every deposit account of the borrower's. */
  readonly deposits: ReadonlyArray<DepositState>;
  /** Every loan of the borrower's, the one decided on among them or not. */
  readonly loans: ReadonlyArray<LoanStatusFact>;
  /** Each named guarantor, by member id. */
  readonly guarantors: Readonly<Record<string, GuarantorFact>>;
  /** The society-wide limits in force on the command's date; absent: none. */
  readonly society?: SocietyLendingLimits;
}

/** A loan as the limits see it: who borrows, how much, with which guarantors. */
export interface LoanRequest {
  readonly loanId: LoanId;
  readonly memberId: MemberId;
  readonly principal: MoneyString;
  readonly guarantors: ReadonlyArray<Guarantee>;
}

type Check = E.Either<Rejection, void>;
const ok: Check = E.right(undefined);
const notClosed: ReadonlySet<LoanStatus> = new Set(['applied', 'approved', 'active',
  'written_off']);

/**
 * The member's basis for the savings multiple, in paise: her shares at their face value plus
 * what is free (not under a lien) in her open savings accounts.
 */
export const lendingBasisMinor = (
  ps: ProductCatalogue, f: LendingFacts,
): E.Either<Rejection, bigint> => {
  let basis = 0n;
  const s = f.shares;
  if (s.status === 'open') {
    const p = productOf(ps, s.productId, 'share');
    if (E.isLeft(p)) return p;
    basis += BigInt(s.shares) * minorOf(p.right.faceValue);
  }
  for (const d of f.deposits) {
    if (d.status === 'open' && d.kind === 'savings') basis += freeBalanceMinor(d);
  }
  return E.right(basis);
};

// Each guarantor: another member, admitted and not exited, named once, guaranteeing from an
// open savings account of her own at most the principal.
const guarantorsValid = (r: LoanRequest, f: LendingFacts): Check => {
  const seen = new Set<string>();
  for (const g of r.guarantors) {
    const bad = (why: GuarantorFault): Check =>
      E.left({ type: 'invalid_guarantor', memberId: g.memberId, why });
    if (g.memberId === r.memberId) return bad('borrower');
    if (seen.has(g.memberId)) return bad('named_twice');
    seen.add(g.memberId);
    if (minorOf(g.amount) > minorOf(r.principal)) return bad('amount_above_principal');
    const fact = Object.hasOwn(f.guarantors, g.memberId) ? f.guarantors[g.memberId] : undefined;
    const m = fact?.member;
    if (m === undefined || m.status === 'none' || m.memberId !== g.memberId) {
      return bad('not_admitted');
    }
    if (m.status === 'exited') return bad('exited');
    const a = fact?.account;
    if (a === undefined || a.status !== 'open' || a.kind !== 'savings'
      || a.accountId !== g.accountId || a.memberId !== g.memberId) return bad('account');
  }
  return ok;
};

/** Why a named guarantor cannot stand. */
export type GuarantorFault =
  | 'borrower' | 'named_twice' | 'amount_above_principal' | 'not_admitted' | 'exited'
  | 'account';

const loansAtOnce = (p: LoanProduct, r: LoanRequest, f: LendingFacts): Check => {
  if (p.maxLoansAtOnce === undefined) return ok;
  const others = f.loans.filter((l) => l.loanId !== r.loanId && notClosed.has(l.status));
  // The loan decided on counts as one of them.
  return others.length + 1 > p.maxLoansAtOnce
    ? E.left({ type: 'too_many_loans', maximum: p.maxLoansAtOnce, open: others.length })
    : ok;
};

const savingsMultiple = (
  ps: ProductCatalogue, p: LoanProduct, r: LoanRequest, f: LendingFacts,
): Check => {
  if (p.savingsMultiple === undefined) return ok;
  const basis = lendingBasisMinor(ps, f);
  if (E.isLeft(basis)) return basis;
  const maximum = basis.right * BigInt(p.savingsMultiple);
  return minorOf(r.principal) > maximum
    ? E.left({ type: 'loan_limit_exceeded', limit: 'savings_multiple',
      multiple: p.savingsMultiple, basis: moneyString(basis.right),
      maximum: moneyString(maximum), requested: r.principal })
    : ok;
};

const guarantorsEnough = (p: LoanProduct, r: LoanRequest): Check => {
  if (p.guarantorsAbove === undefined) return ok;
  if (minorOf(r.principal) <= minorOf(p.guarantorsAbove)) return ok;
  const required = p.guarantorsRequired ?? 1;
  return r.guarantors.length < required
    ? E.left({ type: 'guarantors_required', threshold: p.guarantorsAbove,
      requested: r.principal, required, named: r.guarantors.length })
    : ok;
};

/**
 * Right when a loan keeps within its product's lending limits on these facts; else the first
 * limit broken, in this order: `invalid_guarantor`, `too_many_loans`, `loan_limit_exceeded`
 * (the savings multiple, then the society's limits: loans at once, outstanding principal),
 * `guarantors_required`. A product's limit and the society's both hold: the stricter refuses.
 * Checked at application and at approval (the approval commits the money, so it is checked on
 * that day's figures).
 * @example withinLendingLimits(products, product, request, facts) // Right(undefined)
 */
export const withinLendingLimits = (
  ps: ProductCatalogue, p: LoanProduct, r: LoanRequest, f: LendingFacts,
): Check => {
  const checks = [
    () => guarantorsValid(r, f), () => loansAtOnce(p, r, f), () => savingsMultiple(ps, p, r, f),
    () => f.society === undefined ? ok : withinSocietyLimits(f.society, r, f.loans),
    () => guarantorsEnough(p, r),
  ];
  for (const c of checks) {
    const out = c();
    if (E.isLeft(out)) return out;
  }
  return ok;
};

/**
 * Right when every guarantor's account holds a lien for this loan of the amount she
 * guarantees (the Ledger's approveWithLiens places them before the approval); else
 * `guarantee_not_secured` naming the first that does not. Checked at approval only.
 */
export const guaranteesSecured = (
  r: LoanRequest, f: LendingFacts,
): Check => {
  for (const g of r.guarantors) {
    const a = Object.hasOwn(f.guarantors, g.memberId) ? f.guarantors[g.memberId]?.account
      : undefined;
    const held = a !== undefined && a.status !== 'none' && Object.hasOwn(a.liens, r.loanId)
      ? a.liens[r.loanId] : undefined;
    if (held !== minorOf(g.amount)) {
      return E.left({ type: 'guarantee_not_secured', memberId: g.memberId,
        accountId: g.accountId, amount: g.amount });
    }
  }
  return ok;
};

const hasLimits = (p: LoanProduct): boolean => p.savingsMultiple !== undefined
  || p.maxLoansAtOnce !== undefined || p.guarantorsAbove !== undefined;

/**
 * withinLendingLimits when the lending facts were read; without them, Right only when there is
 * nothing to check (no limit on the product, no guarantor named), else `cannot_compute`.
 */
export const lendingChecked = (
  ps: ProductCatalogue, p: LoanProduct, r: LoanRequest, f: LendingFacts | undefined,
): Check => {
  if (f !== undefined) return withinLendingLimits(ps, p, r, f);
  return hasLimits(p) || r.guarantors.length > 0
    ? E.left({ type: 'cannot_compute', field: 'facts.lending',
      reason: 'the lending limits are checked on facts the Ledger reads' })
    : ok;
};
