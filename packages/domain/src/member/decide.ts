import * as E from 'fp-ts/lib/Either.js';
import type { Decider, WithFacts } from '../shared/decider.ts';
import type { Rejection } from '../shared/rejection.ts';
import { moneyString } from '../shared/codecs.ts';
import { notBefore } from '../shared/guards.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import { admissionFeeOf } from '../charges/admissionFee.ts';
import { reversiblePosting, type ReverseEvent } from '../shared/correction.ts';
import { eventIdFor } from '../shared/ids.ts';
import type { WithPeriod } from '../periodFact.ts';
import type { WithBranchDay } from '../branch/branchDayFact.ts';
import { inOpenBooks } from '../branch/openBooks.ts';
import { tillTookFee } from '../branch/tillTookFee.ts';
import type {
  AdmitMember, AssignFieldOfficer, ExitMember, MemberCommand, TransferMember,
} from './commands.ts';
import type { MemberEvent } from './events.ts';
import {
  loansOutstandingMinor, type ExitMemberFacts, type MemberFacts, type TransferMemberFacts,
} from './facts.ts';
import { evolveMember, initialMemberState, type MemberState } from './state.ts';

type Result = E.Either<Rejection, ReadonlyArray<MemberEvent>>;

/** A member's command with the facts it is decided on. */
export type MemberDecision = WithFacts<MemberCommand, MemberFacts> & WithPeriod
  & WithBranchDay;

const admit = (
  products: ProductCatalogue, command: AdmitMember & WithBranchDay, s: MemberState,
): Result => {
  const c = command.data;
  if (s.status !== 'none') {
    return E.left({ type: 'already_exists', aggregate: 'member', id: s.memberId });
  }
  const p = productOf(products, c.shareProductId, 'share');
  if (E.isLeft(p)) return p;
  const { minimumShares, maximumShares } = p.right;
  if (c.shares < minimumShares) {
    return E.left({ type: 'below_minimum_shares', minimumShares, sharesAfter: c.shares });
  }
  if (c.shares > maximumShares) {
    return E.left({ type: 'above_maximum_shares', maximumShares, sharesAfter: c.shares });
  }
  const fee = admissionFeeOf(p.right);
  const took = tillTookFee({ branchId: c.branchId, tillId: c.tillId, commandId: c.commandId, fee },
    command.branchDay);
  if (E.isLeft(took)) return took;
  // The fee is the second event of the append: its id is the one the Ledger stores it under.
  return E.right([{ type: 'MemberAdmitted', data: {
    memberId: c.memberId, branchId: c.branchId, on: c.on,
    shareProductId: c.shareProductId, sharesSubscribed: c.shares,
  } }, ...fee === null ? [] : [{ type: 'AdmissionFeeCharged' as const, data: {
    eventId: eventIdFor(c.commandId, 1), memberId: c.memberId, branchId: c.branchId, on: c.on,
    amount: fee, tillId: c.tillId ?? null,
  } }]]);
};

type Admitted = Exclude<MemberState, { status: 'none' }>;

// The active member a command is for, on or after her last event; or why not.
const activeMember = (c: ExitMember['data'], s: MemberState): E.Either<Rejection, Admitted> => {
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'member', id: c.memberId });
  }
  if (s.memberId !== c.memberId) {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'member', expected: s.memberId, got: c.memberId,
    });
  }
  if (s.status === 'exited') return E.left({ type: 'member_exited', memberId: s.memberId });
  const date = notBefore(c.on, s.lastOn);
  return E.isLeft(date) ? date : E.right(s);
};

// Her admission fee reversed (charged in error, or waived), once; nothing else of her stream
// is a money event.
const reverse = (c: ReverseEvent['data'], s: MemberState): Result => {
  if (c.aggregate !== 'member') {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'member', expected: 'member', got: c.aggregate,
    });
  }
  if (s.status === 'none') {
    return E.left({ type: 'not_found', aggregate: 'member', id: c.aggregateId });
  }
  if (s.memberId !== c.aggregateId) {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'member', expected: s.memberId, got: c.aggregateId,
    });
  }
  const date = notBefore(c.on, s.lastOn);
  if (E.isLeft(date)) return date;
  const p = reversiblePosting(s.fees, c.eventId);
  if (E.isLeft(p)) return p;
  return E.right([{ type: 'EventReversed', data: {
    aggregate: 'member', aggregateId: s.memberId, memberId: s.memberId, on: c.on,
    reversedEventId: c.eventId, reversedEventType: p.right.eventType, reason: c.reason,
  } }]);
};

const transfer = (c: TransferMember['data'], f: TransferMemberFacts, s: MemberState): Result => {
  const m = activeMember(c, s);
  if (E.isLeft(m)) return m;
  // Not before her accounts' last events either: those balances move on the transfer's date.
  if (f.accountsLastOn !== null && c.on < f.accountsLastOn) {
    return E.left({ type: 'date_before_last_event', on: c.on, lastOn: f.accountsLastOn });
  }
  const from = m.right.branchId;
  if (from === c.to) return E.left({ type: 'already_at_branch', branchId: from });
  return E.right([{ type: 'MemberTransferred', data: {
    memberId: m.right.memberId, from, to: c.to, on: c.on,
  } }]);
};

// Her officer from `on`; the same officer again is recorded too (a dated confirmation).
const assignOfficer = (c: AssignFieldOfficer['data'], s: MemberState): Result => {
  const m = activeMember(c, s);
  if (E.isLeft(m)) return m;
  return E.right([{ type: 'FieldOfficerAssigned', data: {
    memberId: m.right.memberId, staffId: c.staffId, on: c.on,
  } }]);
};

const exit = (c: ExitMember['data'], f: ExitMemberFacts, s: MemberState): Result => {
  const m = activeMember(c, s);
  if (E.isLeft(m)) return m;
  const outstanding = loansOutstandingMinor(f.loans);
  if (outstanding > 0n) {
    return E.left({ type: 'loan_outstanding', outstandingPrincipal: moneyString(outstanding) });
  }
  const sharesHeld = f.shares.status === 'open' ? f.shares.shares : 0;
  if (sharesHeld > 0) return E.left({ type: 'shares_still_held', sharesHeld });
  // Emptied by a correction, it is still open: she leaves once it is closed (RedeemShares
  // for exit, of zero shares), so that no open account of hers stays on the register.
  if (f.shares.status === 'open') {
    return E.left({ type: 'share_account_open', accountId: f.shares.accountId });
  }
  // A matured deposit still holds her money until it is closed and paid out.
  const openDepositAccounts = f.deposits
    .filter((d) => d.status === 'open' || d.status === 'matured').length;
  if (openDepositAccounts > 0) {
    return E.left({ type: 'deposits_still_open', openDepositAccounts });
  }
  return E.right([{ type: 'MemberExited', data: {
    memberId: m.right.memberId, branchId: m.right.branchId, on: c.on,
  } }]);
};

// Her admission, transfer and exit change a branch's members, and her fee and its reversal
// post to a branch's books: a closed day of that branch refuses them, as it does her account
// commands (the Ledger reads each branch concerned; for a transfer, both). An admission's fee
// taken by a till before the close completes it; one naming no till does not (no till took it).
// Her field officer is a directory reference, no entry of a day's books: never refused.
const inOpenDay = (command: MemberDecision): E.Either<Rejection, true> => {
  if (command.type === 'AssignFieldOfficer') return E.right(true);
  const day = command.branchDay;
  const noTill = command.type === 'AdmitMember' && command.data.tillId === undefined;
  return inOpenBooks(noTill && day !== undefined
    ? { ...command, branchDay: { ...day, tillMoved: false } } : command);
};

/**
 * The member decider: admission (with the minimum shares, and her product's admission fee,
 * naming only a till that took it), transfer, field officer, exit (nothing left), and the
 * reversal of her admission fee; all but the field officer refused in a closed branch day.
 */
export const createMemberDecider = (config: { readonly products: ProductCatalogue }):
  Decider<MemberDecision, MemberEvent, MemberState> => ({
  initialState: initialMemberState,
  evolve: evolveMember,
  decide: (command, state) => {
    // Closed books take nothing new (a closed year, a closed day), checked first.
    const open = inOpenDay(command);
    if (E.isLeft(open)) return open;
    switch (command.type) {
      case 'AdmitMember': return admit(config.products, command, state);
      case 'ExitMember': return exit(command.data, command.facts, state);
      case 'TransferMember': return transfer(command.data, command.facts, state);
      case 'AssignFieldOfficer': return assignOfficer(command.data, state);
      case 'ReverseEvent': return reverse(command.data, state);
    }
  },
});
