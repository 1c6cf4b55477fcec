import * as E from 'fp-ts/lib/Either.js';
import {
  accountHistory, closedThrough, closingThrough, datedBalances, type DepositChargeFacts,
  depositCommands, depositEvents, initialMemberState, isFactless,
  loanCommands, shareCommands, streamNameFor, type AccountHistory, type Command,
  type CommandFacts, type DecidableCommand, type DepositEvent, type DepositState, type LoanFact,
  type LoanState, type LoanId, type AccountOpeningNoted, type BusinessDate,
  type MemberId, type MembershipFacts, type MoneyString, type PeriodFact, type ProductCatalogue,
  type SignedMoneyString, type SocietyId, topUpFactOf, creditedSavingsOf, dividendSavingsFact,
  initialDepositState, standingCredit, type AccountId, type DividendSavingsFact,
  standingCredits, initialShareState, dateParts, lastBusinessDate, latestOn, isBranchCommand,
  accountStepStatus, branchDayRefusal, mapGet, type AccountStreamEvent, type YearOrderFacts,
} from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { FactSource } from './factSource.ts';
import type { MemberIndex } from './memberIndex.ts';
import type { LedgerRejection } from './outcome.ts';
import { shareHoldings } from './shareHoldings.ts';
import type { StreamState, StreamStates } from './streamStates.ts';
import { lendingFactsOf, withLending } from './lendingFactsOf.ts';
import { withSocietyLimits } from './societyLimitsOf.ts';
import { withTds } from './tdsFactsOf.ts';
import { withRateSteps } from './rateStepsOf.ts';
import { herDeposit, herLoan, memberAccountsOf, type Opened } from './memberAccounts.ts';
import { withNote, type OpeningNote } from './openingNote.ts';
import { standingFactsOf } from './standingFactsOf.ts';
import { onMemberBranchDay, withBranchDay } from './branchDayFacts.ts';
import { yearOrderFacts } from './yearOrder.ts';
import { closedDayMove } from '../branch/closedDayMove.ts';

/** Where the facts are read from. */
export interface FactReaders {
  readonly store: EventStore<LedgerEvent>;
  readonly states: StreamStates;
  readonly members: MemberIndex;
  readonly products: ProductCatalogue;
  /** Net profit of a financial year, from the income statement (the projections). */
  readonly netProfit: (financialYear: string) => Promise<SignedMoneyString>;
  /** The date of the books' first entry at the log's head (the projections); null: none. */
  readonly firstEntryOn: () => Promise<string | null>;
  /** The society whose stream holds the closed period (see SocietyIndex); none: no period. */
  readonly society: () => SocietyId | undefined;
  /** Whether the member filed a Form 15G/15H for the year (the directory); none: false. */
  readonly tdsExempt?: (memberId: MemberId, financialYear: string) => Promise<boolean>;
  /** Reads what other writers stored since this Ledger last looked, into its indexes. */
  readonly catchUp?: () => Promise<void>;
}

/** Facts as read, with the streams they were read from and at which revisions. */
export interface FactsRead<F> {
  readonly facts: F;
  readonly readFrom: ReadonlyArray<FactSource>;
  /** An opening's note on the member's stream, appended before its events (openingNote.ts). */
  readonly note?: OpeningNote;
}

/**
 * A command as the decider takes it, with its facts and, beside them, where they were read
 * (`readFrom`): an append conditioned on the facts would expect those revisions still.
 */
export type FetchedCommand = DecidableCommand & {
  readonly readFrom?: ReadonlyArray<FactSource>;
  readonly note?: OpeningNote;
};

/** Reads the facts a command is decided with; a command needing none goes on as it is. */
export type FillFacts = (c: Command, target: StreamState) =>
  E.Either<LedgerRejection, FetchedCommand> | Promise<E.Either<LedgerRejection, FetchedCommand>>;

type Result<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;
type Fetcher<K extends keyof CommandFacts> = (
  r: FactReaders, c: Extract<Command, { type: K }>, target: StreamState,
) => Result<CommandFacts[K]>;

const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });

// Each loan of hers as its stream holds it: a loan never applied for, or another member's
// under an id her stream notes (herLoan), is none of hers. Every stream read is a fact's source.
const loanFacts = async (r: FactReaders, memberId: MemberId, loanIds: ReadonlyArray<LoanId>):
  Promise<{ loans: Array<Opened<LoanState>>; readFrom: FactSource[] }> => {
  const loans: Array<Opened<LoanState>> = [];
  const readFrom: FactSource[] = [];
  for (const loanId of loanIds) {
    const s = await r.states.load(streamNameFor.loan(loanId), 'loan');
    readFrom.push(source(s));
    const loan = herLoan(s, memberId);
    if (loan !== undefined) loans.push(loan);
  }
  return { loans, readFrom };
};

// Everything of hers, for a decision on her stream (`target`): her deposit accounts and loans
// as her stream notes them (only those whose opening names her: herDeposit, herLoan) and her
// share account, each stream read named, hers or not, so that an append conditioned on them is
// refused if any moved.
const everythingOf = async (r: FactReaders, m: MemberId, target: StreamState) => {
  const held = await memberAccountsOf(r, m, source(target));
  const { loans, readFrom: loansRead } = await loanFacts(r, m, held.accounts.loans);
  const readFrom = [...held.readFrom, ...loansRead];
  const sh = await r.states.load(streamNameFor.shares(m), 'shares');
  readFrom.push(source(sh));
  const deposits = [];
  for (const d of held.accounts.deposits) {
    const s = await r.states.load(streamNameFor.deposit(d.accountId), 'deposit');
    readFrom.push(source(s));
    const deposit = herDeposit(s, m);
    if (deposit !== undefined) deposits.push(deposit);
  }
  const shares = sh.state.kind === 'shares' && sh.state.state.status !== 'none'
    ? sh.state.state : undefined;
  return { loans, deposits, shares, readFrom };
};

// Every loan of the member: those her stream notes, read now (see memberAccounts.ts).
const loansOf = async (r: FactReaders, memberId: MemberId): Result<{ loans: LoanFact[] }> => {
  const held = await memberAccountsOf(r, memberId);
  const { loans, readFrom } = await loanFacts(r, memberId, held.accounts.loans);
  return E.right({ facts: { loans }, readFrom: [...held.readFrom, ...readFrom] });
};

const isDepositEvent = (e: LedgerEvent): e is LedgerEvent & DepositEvent =>
  Object.hasOwn(depositEvents, e.type);

// The target account's own events, read up to the revision its state is at, so both agree.
const eventsUpTo = async (r: FactReaders, target: StreamState): Promise<DepositEvent[]> => {
  const events: DepositEvent[] = [];
  const upTo = target.revision;
  if (upTo !== undefined) {
    for await (const e of r.store.readStream(target.stream)) {
      if (e.revision > upTo) break;
      if (isDepositEvent(e)) events.push(e);
    }
  }
  return events;
};
const historyOf = async (r: FactReaders, target: StreamState):
  Result<{ history: AccountHistory }> => E.right({
  facts: { history: accountHistory(await eventsUpTo(r, target)) }, readFrom: [source(target)] });
// The balances a charge rule reads (charges/datedBalances.ts), from the same events.
const balancesOf = async (r: FactReaders, target: StreamState): Result<DepositChargeFacts> =>
  E.right({ facts: { balances: datedBalances(await eventsUpTo(r, target)) },
    readFrom: [source(target)] });

// The member's state, from her own stream, not from an index: another Ledger over the same
// store may have admitted her, or seen her exit. The handler's stream cache holds the state,
// so this reads only what her stream gained since (usually nothing).
const membershipOf = async (r: FactReaders, memberId: MemberId): Result<MembershipFacts> => {
  const s = await r.states.load(streamNameFor.member(memberId), 'member');
  const member = s.state.kind === 'member' ? s.state.state : initialMemberState;
  return E.right({ facts: { member }, readFrom: [source(s)] });
};

// The member an existing account or loan belongs to, from its state. With no account or loan
// yet, none: the decider refuses the command as `not_found` before it looks at membership.
const ownerOf = (target: StreamState): MemberId | undefined => {
  const s = target.state;
  if (s.kind !== 'deposit' && s.kind !== 'loan') return undefined;
  return s.state.status === 'none' ? undefined : s.state.memberId;
};
const membershipOfOwner = (r: FactReaders, target: StreamState): Result<MembershipFacts> => {
  const owner = ownerOf(target);
  return owner === undefined
    ? Promise.resolve(E.right({ facts: { member: initialMemberState }, readFrom: [] }))
    : membershipOf(r, owner);
};

// A deposit into an open account, on the state held in memory when it says she is a member
// (reading her stream's tail for every deposit cost about a fifth more CPU per command).
// Her exit cannot have been stored unseen since: it needs every account of hers closed first,
// which moves this account's stream, and the append expects the revision decided on; the
// append is conditioned on her stream's revision held too, so a move there sends it round
// again. A loan's steps read her stream: an application owes nothing, nor holds up an exit.
const heldMember = (r: FactReaders, target: StreamState): StreamState | undefined => {
  const owner = ownerOf(target);
  const held = owner === undefined ? undefined : r.states.cached(streamNameFor.member(owner));
  return held?.state.kind === 'member' && held.state.state.status === 'active'
    ? held : undefined;
};

type Opening = { readonly data: { readonly memberId: MemberId; readonly on: BusinessDate } };
const noteOf = (
  c: Opening, kind: AccountOpeningNoted['data']['kind'], id: AccountOpeningNoted['data']['id'],
): AccountOpeningNoted['data'] => ({ memberId: c.data.memberId, kind, id, on: c.data.on });

const firstFaceValue = (products: ProductCatalogue): MoneyString | undefined => {
  for (const p of Object.values(products)) if (p.kind === 'share') return p.faceValue;
  return undefined;
};

// Whether a financial year's 31 March can be named (the year 2199-00 ends in 2200).
const yearCanEnd = (label: string): boolean =>
  Number(label.slice(0, 4)) < dateParts(lastBusinessDate).year;

const yearOrderOf = async (
  r: FactReaders, financialYear: string, target: StreamState,
): Result<YearOrderFacts> =>
  E.right({ facts: await yearOrderFacts(target, financialYear, r.firstEntryOn), readFrom: [] });

/** One fetcher per command decided with facts: the compiler refuses the table without one. */
export const factFetchers: { readonly [K in keyof CommandFacts]: Fetcher<K> } = {
  // Her accounts as her own stream (the target) notes them at the revision decided on: one
  // opened anywhere since moves it, and the append, expecting that revision, is refused.
  ExitMember: async (r, c, target) => {
    const h = await everythingOf(r, c.data.memberId, target);
    const shares = h.shares ?? { status: 'none' as const };
    return E.right({ facts: { loans: h.loans, shares, deposits: h.deposits },
      readFrom: h.readFrom });
  },
  // The last date of her accounts, loans and shares, from their streams (those she holds, as
  // her exit reads them): a transfer dated before it is refused. Every stream read is named,
  // so an event of hers stored meanwhile sends it round again.
  TransferMember: async (r, c, target) => {
    const h = await everythingOf(r, c.data.memberId, target);
    const dates = [...h.deposits, ...h.loans, ...h.shares === undefined ? [] : [h.shares]]
      .map((a) => a.lastOn);
    return E.right({ facts: { accountsLastOn: latestOn(dates) }, readFrom: h.readFrom });
  },
  RedeemShares: (r, c) => loansOf(r, c.data.memberId),
  PurchaseShares: (r, c) => membershipOf(r, c.data.memberId),
  // An opening notes itself on her stream first (openingNote.ts), where her exit looks.
  OpenSavingsAccount: (r, c) => withNote(r, noteOf(c, 'savings', c.data.accountId),
    membershipOf(r, c.data.memberId)),
  OpenRecurringDeposit: (r, c) => withNote(r, noteOf(c, 'recurring', c.data.accountId),
    membershipOf(r, c.data.memberId)),
  OpenFixedDeposit: (r, c) => withNote(r, noteOf(c, 'fixed', c.data.accountId),
    membershipOf(r, c.data.memberId)),
  // A dividend deposit also reads her share stream's credits to the account: a redirect or a
  // reversal there meanwhile moves it, and the append, conditioned on it, goes round again.
  MakeDeposit: async (r, c, target) => {
    const member = await membershipOfOwner(r, target);
    const owner = ownerOf(target);
    if (c.data.source !== 'dividend' || owner === undefined || E.isLeft(member)) return member;
    const s = await r.states.load(streamNameFor.shares(owner), 'shares');
    const shares = s.state.kind === 'shares' ? s.state.state : initialShareState;
    return E.right({ facts: { ...member.right.facts,
      dividendCredits: standingCredits(shares, c.data.accountId) },
    readFrom: [...member.right.readFrom, source(s)] });
  },
  // The lending limits' facts (lendingFactsOf.ts), read after her membership, with the
  // society-wide limits in force on the command's date (societyLimitsOf.ts).
  ApplyForLoan: (r, c) => withNote(r, noteOf(c, 'loan', c.data.loanId),
    withSocietyLimits(r, c.data.on, withLending(
      membershipOf(r, c.data.memberId),
      () => lendingFactsOf(r, c.data.memberId, c.data.guarantors ?? [])))),
  ApproveLoan: (r, c, target) => {
    const loan = target.state.kind === 'loan' ? target.state.state : undefined;
    return loan === undefined || loan.status === 'none' ? membershipOfOwner(r, target)
      : withSocietyLimits(r, c.data.on, withLending(membershipOfOwner(r, target),
        () => lendingFactsOf(r, loan.memberId, loan.guarantors)));
  },
  // A top-up also reads the loan it pays off, as that loan's stream holds it (the append is
  // conditioned on that revision too: a repayment there meanwhile sends it round again).
  DisburseLoan: async (r, c, target) => {
    const member = await membershipOfOwner(r, target);
    const old = c.data.topUpOf;
    if (old === undefined || E.isLeft(member)) return member;
    const s = await r.states.load(streamNameFor.loan(old), 'loan');
    const topUp = s.state.kind === 'loan' ? topUpFactOf(s.state.state, c.data.on) : undefined;
    return E.right({ facts: { ...member.right.facts, ...(topUp === undefined ? {} : { topUp }) },
      readFrom: [...member.right.readFrom, source(s)] });
  },
  // With the TDS facts when the society deducts it on the command's date (tdsFactsOf.ts).
  PostInterest: (r, c, target) =>
    withTds(r, c.data.on, target, withRateSteps(r, target, historyOf(r, target))),
  MatureDeposit: (r, c, target) => withTds(r, c.data.on, target, historyOf(r, target)),
  CloseDepositEarly: (r, c, target) => withTds(r, c.data.on, target, historyOf(r, target)),
  ApplyDepositCharges: (r, _c, target) => balancesOf(r, target),
  // From the books as of the log's head: a condition on it would be on the head position.
  // So is the books' first entry of the year-end commands (yearOrder.ts), the order once read.
  CloseFinancialYear: async (r, c, target) => {
    const [netProfit, order] = await Promise.all([r.netProfit(c.data.financialYear),
      yearOrderFacts(target, c.data.financialYear, r.firstEntryOn)]);
    return E.right({ facts: { netProfit, ...order }, readFrom: [] });
  },
  BeginYearClose: (r, c, target) => yearOrderOf(r, c.data.financialYear, target),
  RecordYearEndAccruals: (r, c, target) => yearOrderOf(r, c.data.financialYear, target),
  SetLoanLossProvision: (r, c, target) => yearOrderOf(r, c.data.financialYear, target),
  // Every shareholder of the year, whichever Ledger admitted her: the members this one knows
  // after reading the log to its end. The year is closed (or the declaration is refused), and
  // no share change dated in a closed year is taken, so the log read holds every one.
  DeclareDividend: async (r, c) => {
    await r.catchUp?.();
    // A year that cannot end (2199-00 and after: its 31 March has no date) has no holdings to
    // take: refused as a figure not computed, as the decider refuses it for a close.
    if (!yearCanEnd(c.data.financialYear)) {
      return E.left({ type: 'cannot_compute', field: 'financialYear',
        reason: `${c.data.financialYear} ends after ${lastBusinessDate}` });
    }
    const h = await shareHoldings(r, c.data.financialYear);
    // The face value the shares were bought at; with no share bought yet, the product's.
    const faceValue = h.faceValue ?? firstFaceValue(r.products);
    if (faceValue === undefined) {
      return E.left({ type: 'cannot_compute', field: 'faceValue',
        reason: 'no share was bought and the catalogue has no share product' });
    }
    return E.right({ facts: { holdings: h.holdings, faceValue }, readFrom: h.readFrom });
  },
  // The savings account it pays from and the target it pays into (standingFactsOf.ts).
  GiveStandingInstruction: (r, c) => standingFactsOf(r, c),
  // The savings account the year's credit names, from its own stream: the append expects
  // that revision, so a deposit there meanwhile sends the redirect round again.
  // With no credit for the year, none: the decider refuses it in its order (after the period).
  RedirectDividendToCash: async (r, c, target) => {
    const shares = target.state.kind === 'shares' ? target.state.state : undefined;
    const credit = shares === undefined ? undefined
      : standingCredit(shares, c.data.financialYear);
    return credit === undefined ? E.right({ facts: {}, readFrom: [] })
      : savingsFact(r, credit.savingsAccountId);
  },
  // The till movement's account step, from the stream the movement names, read to its end:
  // the append is conditioned on that revision, so a step stored there meanwhile sends the
  // release round again, to be refused (step_stands). A movement of a closed day, which the
  // branch's state lets go, is read from the branch's stream at the state's revision (the
  // append's own), and decided on with the release.
  ReleaseTillCash: async (r, c, target) => {
    const branch = target.state.kind === 'branch' ? target.state.state : undefined;
    const held = branch === undefined ? undefined : mapGet(branch.moves, c.data.stepId);
    // A release the branch refuses first (another branch, its day closed, back-dated) reads
    // nothing back.
    const read = held === undefined && branch !== undefined
      && branchDayRefusal(c.data, branch) === undefined
      ? await closedDayMove(r.store, target, { stepId: c.data.stepId }) : undefined;
    const move = held ?? read;
    const found = read === undefined ? {} : { move: read };
    if (move === undefined || move.accountStream === '' || move.released) {
      return E.right({ facts: { accountStep: 'absent', ...found }, readFrom: [] });
    }
    const events: AccountStreamEvent[] = [];
    let revision: bigint | undefined;
    try {
      for await (const e of r.store.readStream(move.accountStream)) {
        events.push({ commandId: e.metadata.commandId, eventId: e.metadata.eventId,
          type: e.type, data: e.data });
        revision = e.revision;
      }
    } catch (e) {
      // No stream (a refused admission's member): the step is absent, and the append expects
      // the stream still not to exist.
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
    return E.right({ facts: { accountStep: accountStepStatus(c.data.stepId, events), ...found },
      readFrom: [{ stream: move.accountStream, revision }] });
  },
};

// A savings account as a dividend credited to it is decided on, with the revision it was at.
const savingsFact = async (r: FactReaders, accountId: AccountId):
  Result<{ savings: DividendSavingsFact }> => {
  const s = await r.states.load(streamNameFor.deposit(accountId), 'deposit');
  const state = s.state.kind === 'deposit' ? s.state.state : initialDepositState;
  return E.right({ facts: { savings: dividendSavingsFact(accountId, state) },
    readFrom: [source(s)] });
};

// A share correction that reverses a dividend credit is decided on the savings account the
// credit names (ShareReversalFacts); any other correction goes on as it is.
const reversalFacts = async (
  r: FactReaders, c: Extract<Command, { type: 'ReverseEvent' }>, target: StreamState,
): Promise<E.Either<LedgerRejection, FetchedCommand>> => {
  const shares = target.state.kind === 'shares' ? target.state.state : undefined;
  const id = shares === undefined || c.data.aggregate !== 'shares' ? undefined
    : creditedSavingsOf(shares, c.data.eventId);
  if (id === undefined) return E.right(c);
  const f = await savingsFact(r, id);
  if (E.isLeft(f)) return f;
  return E.right({ ...c, facts: f.right.facts, readFrom: f.right.readFrom });
};

const withFacts = async <C extends Command, F>(
  c: C, read: Promise<E.Either<LedgerRejection, FactsRead<F>>>,
): Promise<E.Either<LedgerRejection, C & FactsRead<F>>> => {
  const f = await read;
  if (E.isLeft(f)) return f;
  const { facts, readFrom, note } = f.right;
  return E.right(note === undefined ? { ...c, facts, readFrom } : { ...c, facts, readFrom, note });
};

// The facts of CommandFacts, by command type.
const otherFacts = (r: FactReaders): FillFacts => (c, target) => {
  const f = factFetchers;
  switch (c.type) {
    case 'ExitMember': return withFacts(c, f.ExitMember(r, c, target));
    case 'TransferMember': return withFacts(c, f.TransferMember(r, c, target));
    case 'RedeemShares': return withFacts(c, f.RedeemShares(r, c, target));
    case 'PurchaseShares': return withFacts(c, f.PurchaseShares(r, c, target));
    case 'OpenSavingsAccount': return withFacts(c, f.OpenSavingsAccount(r, c, target));
    case 'OpenRecurringDeposit': return withFacts(c, f.OpenRecurringDeposit(r, c, target));
    case 'OpenFixedDeposit': return withFacts(c, f.OpenFixedDeposit(r, c, target));
    case 'MakeDeposit': {
      const held = c.data.source === 'dividend' ? undefined : heldMember(r, target);
      // Built as one literal, not a spread (fields added after a spread are slow on Node 20).
      return held?.state.kind === 'member'
        ? E.right({ type: c.type, data: c.data, facts: { member: held.state.state },
          readFrom: [source(held)] })
        : withFacts(c, f.MakeDeposit(r, c, target));
    }
    case 'ApplyForLoan': return withFacts(c, f.ApplyForLoan(r, c, target));
    case 'ApproveLoan': return withFacts(c, f.ApproveLoan(r, c, target));
    case 'DisburseLoan': return withFacts(c, f.DisburseLoan(r, c, target));
    case 'PostInterest': return withFacts(c, f.PostInterest(r, c, target));
    case 'MatureDeposit': return withFacts(c, f.MatureDeposit(r, c, target));
    case 'CloseDepositEarly': return withFacts(c, f.CloseDepositEarly(r, c, target));
    case 'ApplyDepositCharges': return withFacts(c, f.ApplyDepositCharges(r, c, target));
    case 'CloseFinancialYear': return withFacts(c, f.CloseFinancialYear(r, c, target));
    case 'BeginYearClose': return withFacts(c, f.BeginYearClose(r, c, target));
    case 'RecordYearEndAccruals': return withFacts(c, f.RecordYearEndAccruals(r, c, target));
    case 'SetLoanLossProvision': return withFacts(c, f.SetLoanLossProvision(r, c, target));
    case 'DeclareDividend': return withFacts(c, f.DeclareDividend(r, c, target));
    case 'GiveStandingInstruction':
      return withFacts(c, f.GiveStandingInstruction(r, c, target));
    case 'RedirectDividendToCash': return withFacts(c, f.RedirectDividendToCash(r, c, target));
    case 'ReleaseTillCash': return withFacts(c, f.ReleaseTillCash(r, c, target));
    case 'ReverseEvent': return c.data.aggregate === 'shares' ? reversalFacts(r, c, target)
      : E.right(c);
    // Most commands need no facts: they go on at once, not a promise later. A command left
    // out above that needs facts does not compile here (it would go on without them).
    default: return E.right(c);
  }
};

// A closed year's books take nothing new: her account commands, and her admission (its fee),
// transfer (her balances between branches' books) and exit (the members of the year).
const isDated = (c: Command): boolean => Object.hasOwn(shareCommands, c.type)
  || Object.hasOwn(depositCommands, c.type) || Object.hasOwn(loanCommands, c.type)
  || onMemberBranchDay(c);

// The closed period, from the society stream's state: the handler's stream cache holds it, so
// this reads only what the stream gained since (usually nothing). A year whose close has begun
// is closed to new entries (but its year-end interest): the close takes its figures on them.
const periodOf = async (r: FactReaders): Result<PeriodFact> => {
  const id = r.society();
  if (id === undefined) return E.right({ facts: { closedThrough: null }, readFrom: [] });
  const s = await r.states.load(streamNameFor.society(id), 'society');
  if (s.state.kind !== 'society') return E.right({ facts: { closedThrough: null },
    readFrom: [source(s)] });
  const closing = closingThrough(s.state.state);
  const facts = closing === null ? { closedThrough: closedThrough(s.state.state) }
    : { closedThrough: closing, closing: true };
  return E.right({ facts, readFrom: [source(s)] });
};

const withPeriod = async (
  r: FactReaders, filled: ReturnType<FillFacts>,
): Promise<E.Either<LedgerRejection, FetchedCommand>> => {
  const [f, p] = await Promise.all([filled, periodOf(r)]);
  if (E.isLeft(f)) return f;
  if (E.isLeft(p)) return p;
  const readFrom = [...(f.right.readFrom ?? []), ...p.right.readFrom];
  return E.right({ ...f.right, period: p.right.facts, readFrom });
};

/**
 * Reads the facts a command is decided with (CommandFacts, declared in the domain) from the
 * other aggregates' streams, when it is handled, and for a share, deposit or loan command, and
 * a member's admission, transfer and exit, the closed period (PeriodFact) from the society's
 * and her branch's day (BranchDayFact) from the branch's. The caller never sends them.
 */
export const fetchFacts = (r: FactReaders): FillFacts => {
  const other = otherFacts(r);
  // With no society configured no year is closed: the command goes on as it is (a decider
  // given no period checks none), without a promise around it.
  // A branch's cash commands are decided on the closed period too (their own day is their
  // stream's): a till's count dated in a closed year would change its income or expense.
  const inPeriod = (c: Command) => isDated(c) || isBranchCommand(c);
  const dated: FillFacts = (c, target) => inPeriod(c) && r.society() !== undefined
    ? withPeriod(r, other(c, target)) : other(c, target);
  // A member's account command is also decided on her branch's day (branchDayFacts.ts), as
  // are her admission, transfer and exit.
  return (c, target) => isDated(c)
    ? withBranchDay(r, c, target, dated(c, target)) : dated(c, target);
};

/** Without a fact reader: a command needing facts cannot be decided (`cannot_compute`). */
export const noFacts: FillFacts = (c) => isFactless(c) ? E.right(c)
  : E.left({ type: 'cannot_compute', field: 'facts',
    reason: `${c.type} is decided with facts the Ledger reads` });
