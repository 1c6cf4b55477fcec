import * as E from 'fp-ts/lib/Either.js';
import {
  branchOnDate, mapGet, memberEvents, MemberId, moneyString, streamNameFor, type BranchDayFact,
  type BranchId, type Command, type MemberEvent, type TillMove,
} from '@usha/domain';
import { closedDayMove } from '../branch/closedDayMove.ts';
import { tillPurposeOf } from '../branch/cashAtTillRequest.ts';
import { mayBeStepId } from '../processes/stepId.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { FactSource } from './factSource.ts';
import type { FactReaders, FetchedCommand, FillFacts } from './fetchFacts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

/** The branch-day fact of a command (none: no member known), and the streams it rests on. */
export interface BranchDayRead {
  readonly fact: BranchDayFact | undefined;
  readonly readFrom: ReadonlyArray<FactSource>;
}

const none: BranchDayRead = { fact: undefined, readFrom: [] };
const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });

// The member a command is about: named in its data (an opening, a purchase, her transfer),
// else the owner its stream holds (her own stream: the reversal of her fee). None yet (her
// admission, or an account never opened): her stream has no branch to read.
const memberOf = (c: Command, target: StreamState): MemberId | undefined => {
  if (c.type === 'AdmitMember') return undefined;
  const named: unknown = Reflect.get(c.data, 'memberId');
  if (MemberId.is(named)) return named;
  const s = target.state;
  return (s.kind === 'deposit' || s.kind === 'loan' || s.kind === 'shares'
    || s.kind === 'member') && s.state.status !== 'none' ? s.state.memberId : undefined;
};

// The branch a member command names itself: the one she is admitted at, the one she moves to.
const namedBranch = (c: Command): BranchId | undefined =>
  c.type === 'AdmitMember' ? c.data.branchId
    : c.type === 'TransferMember' ? c.data.to : undefined;

// A stream's state as held in memory when it is (the usual case: no read at all), else read.
// Held is safe to decide on: the append is conditioned on its revision, and a stream that
// moved meanwhile is read again by the handler before the next try.
const stateOf = (
  r: FactReaders, stream: string, kind: 'member' | 'branch', fresh: boolean,
): Promise<StreamState> | StreamState => {
  const held = fresh ? undefined : r.states.cached(stream);
  return held ?? r.states.load(stream, kind);
};

const isMemberEvent = (e: LedgerEvent): e is LedgerEvent & MemberEvent =>
  Object.hasOwn(memberEvents, e.type);

// Her branch on the date from her stream's events up to the revision her state is at, so
// the two agree (only for a command dated before her stream's last date: a transfer may
// come after it).
const branchFromEvents = async (
  r: FactReaders, member: StreamState, on: Command['data']['on'],
): Promise<BranchId | undefined> => {
  const events: MemberEvent[] = [];
  const upTo = member.revision ?? -1n;
  for await (const e of r.store.readStream(member.stream)) {
    if (e.revision > upTo) break;
    if (isMemberEvent(e)) events.push(e);
  }
  return branchOnDate(events, on);
};

// The branches whose books hold her business on the date: her branch on that date and, when
// a later transfer moved her, the branch her business is posted at now (the books by branch
// post an entry at her branch when it is recorded); either one's closed day refuses it.
const branchesOf = async (
  r: FactReaders, member: StreamState, on: Command['data']['on'],
): Promise<ReadonlyArray<BranchId>> => {
  const s = member.state;
  if (s.kind !== 'member' || s.state.status === 'none') return [];
  if (on >= s.state.lastOn) return [s.state.branchId];
  const dated = await branchFromEvents(r, member, on);
  return dated === undefined || dated === s.state.branchId ? [s.state.branchId]
    : [dated, s.state.branchId];
};

const refuses = (f: BranchDayFact, on: string): boolean =>
  !f.tillMoved && f.closedThrough !== null && on <= f.closedThrough;

const factOf = (
  c: Command, branchId: BranchId, b: StreamState, closedDay?: TillMove,
): BranchDayFact => {
  const s = b.state.kind === 'branch' ? b.state.state : undefined;
  const m = closedDay ?? (s === undefined ? undefined : mapGet(s.moves, c.data.commandId));
  const closedThrough = s?.closedThrough ?? null;
  if (m === undefined || m.released) return { branchId, closedThrough, tillMoved: false };
  return { branchId, closedThrough, tillMoved: true, tillMove: { tillId: m.tillId,
    purpose: m.purpose, amount: moneyString(m.amountMinor) } };
};

// The command's own movement when its day has closed since (the branch's state let it go): the
// account step of a cash at a till run again after a crash, once the day it was taken on
// closed. Read back from the stream at the state's revision, through the command's date only
// (a process sends its till step and its account step with one date), on the fresh read a
// refusal is decided on, for a command a till's movement may be named by: a process's account
// step, or an admission naming a till. A day still open has its movements in the state; a
// command sent by hand and refused for its closed day reads nothing back.
const withClosedDay = async (
  r: FactReaders, c: Command, branchId: BranchId, b: StreamState, f: BranchDayFact,
): Promise<BranchDayFact> => {
  const named = c.type === 'AdmitMember' ? c.data.tillId !== undefined
    : Object.hasOwn(tillPurposeOf, c.type) && mayBeStepId(c.data.commandId, 'account');
  if (!named || f.tillMoved || f.closedThrough === null || c.data.on > f.closedThrough) return f;
  const m = await closedDayMove(r.store, b, { stepId: c.data.commandId, notBefore: c.data.on });
  return m === undefined ? f : factOf(c, branchId, b, m);
};

// The fact from states held in memory only, without a promise (the usual case: her stream
// and her branch's are held, and the date is not before her stream's last). Undefined when a
// stream is not held or her branch on the date needs her events: read then (readDay).
const heldDay = (r: FactReaders, c: Command, target: StreamState): BranchDayRead | undefined => {
  if (c.type === 'AdmitMember') {
    const b = r.states.cached(streamNameFor.branch(c.data.branchId));
    return b === undefined ? undefined
      : { fact: factOf(c, c.data.branchId, b), readFrom: [source(b)] };
  }
  // A transfer reads two branches: it is rare, and read from the store (readDay).
  if (c.type === 'TransferMember') return undefined;
  const memberId = memberOf(c, target);
  if (memberId === undefined) return none;
  const member = r.states.cached(streamNameFor.member(memberId));
  if (member === undefined) return undefined;
  const m = member.state;
  if (m.kind !== 'member' || m.state.status === 'none') return { fact: undefined,
    readFrom: [source(member)] };
  if (c.data.on < m.state.lastOn) return undefined;
  const b = r.states.cached(streamNameFor.branch(m.state.branchId));
  if (b === undefined) return undefined;
  return { fact: factOf(c, m.state.branchId, b), readFrom: [source(member), source(b)] };
};

const readDay = async (
  r: FactReaders, c: Command, target: StreamState, fresh: boolean,
): Promise<BranchDayRead> => {
  const memberId = memberOf(c, target);
  const named = namedBranch(c);
  const readFrom: FactSource[] = [];
  let branches: ReadonlyArray<BranchId> = [];
  if (memberId !== undefined) {
    const member = await stateOf(r, streamNameFor.member(memberId), 'member', fresh);
    readFrom.push(source(member));
    branches = await branchesOf(r, member, c.data.on);
  }
  // A branch the command names is read as well: her admission's, a transfer's destination.
  if (named !== undefined && !branches.includes(named)) branches = [...branches, named];
  if (branches.length === 0) return memberId === undefined ? none : { fact: undefined, readFrom };
  let fact: BranchDayFact | undefined;
  for (const branchId of branches) {
    const b = await stateOf(r, streamNameFor.branch(branchId), 'branch', fresh);
    readFrom.push(source(b));
    const held = factOf(c, branchId, b);
    const f = fresh ? await withClosedDay(r, c, branchId, b, held) : held;
    if (fact === undefined || (!refuses(fact, c.data.on) && refuses(f, c.data.on))) fact = f;
  }
  return { fact, readFrom };
};

/**
 * The day of the member's branch a share, deposit, loan or member command is decided on (her
 * admission: the branch she is admitted at; a transfer: hers and its destination, the one
 * refusing if either does): the last day
 * her branch closed, from the branch's stream, at a revision the append is conditioned on (so
 * a day closed by another Ledger meanwhile sends the command round again, to be refused). A
 * branch that keeps no stream reads as none closed. Held states are used when held; a refusal
 * is read again from the store first, so it never rests on a state held in memory.
 */
export const branchDayOf = (
  r: FactReaders, c: Command, target: StreamState,
): BranchDayRead | Promise<BranchDayRead> => {
  // A fee naming a till with no movement of it held is refused too (till_not_moved).
  const noMove = c.type === 'AdmitMember' && c.data.tillId !== undefined;
  const refused = (d: BranchDayRead) => d.fact !== undefined
    && (refuses(d.fact, c.data.on) || (noMove && !d.fact.tillMoved));
  const held = heldDay(r, c, target);
  if (held === undefined) {
    return readDay(r, c, target, false).then((d) =>
      refused(d) ? readDay(r, c, target, true) : d);
  }
  return refused(held) ? readDay(r, c, target, true) : held;
};

type Filled = E.Either<LedgerRejection, FetchedCommand>;

// A stream the other facts read at the same revision (her member stream, usually) is named
// once: the append's conditions stay as few as the streams they rest on.
const joined = (f: Filled, day: BranchDayRead): Filled => {
  if (E.isLeft(f) || day.fact === undefined) return f;
  const had = f.right.readFrom;
  const readFrom = had === undefined ? day.readFrom : [...had, ...day.readFrom.filter((d) =>
    !had.some((h) => h.stream === d.stream && h.revision === d.revision))];
  return E.right({ ...f.right, branchDay: day.fact, readFrom });
};

const isPromise = <A>(a: A | Promise<A>): a is Promise<A> => a instanceof Promise;

// The society's own postings by rule, which its day-end and year-end runs make once the
// branches have closed their days: interest, maturity, missed instalments, charges by rule,
// dividends credited, declared payable or redirected to cash. They move no cash at a counter
// and no member asks for them, so a closed day does not refuse them (a closed year still does).
const societyPostings: ReadonlySet<string> = new Set([
  'PostInterest', 'MatureDeposit', 'MarkInstalmentMissed', 'ApplyDepositCharges',
  'ApplyCharges', 'CreditDividend', 'RecordDividendPayableInCash', 'RedirectDividendToCash',
]);

// Her member commands a closed day refuses: admission, transfer and exit change a branch's
// members, her fee posts to its books, a transfer moves her balances between two branches'
// books (its reversal is a ReverseEvent, read with the account commands). Her field officer
// is a directory reference only, no entry of the day: it reads no day.
const memberDayCommands: ReadonlySet<string> = new Set([
  'AdmitMember', 'TransferMember', 'ExitMember',
]);

/** Whether a member command is decided on her branch's day (share, deposit, loan: isDated). */
export const onMemberBranchDay = (c: Command): boolean => memberDayCommands.has(c.type);

/**
 * The command with its facts as filled, and beside them its member's branch day; without a
 * promise when both are at hand (most deposits and withdrawals: her stream and her branch's
 * held in memory).
 */
export const withBranchDay = (
  r: FactReaders, c: Command, target: StreamState, filled: ReturnType<FillFacts>,
): ReturnType<FillFacts> => {
  if (societyPostings.has(c.type)) return filled;
  // After the other facts: an opening's read of her stream is then the one held here.
  if (isPromise(filled)) {
    return filled.then(async (f) => E.isLeft(f) ? f : joined(f, await branchDayOf(r, c, target)));
  }
  if (E.isLeft(filled)) return filled;
  const day = branchDayOf(r, c, target);
  return isPromise(day) ? day.then((d) => joined(filled, d)) : joined(filled, day);
};
