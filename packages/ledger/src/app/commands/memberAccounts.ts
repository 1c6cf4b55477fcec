import {
  AccountId, LoanId, streamNameFor, type AccountId as AccountIdT, type DepositKind,
  type DepositState, type LoanId as LoanIdT, type LoanState, type MemberId,
} from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { FactSource } from './factSource.ts';
import type { MemberIndex } from './memberIndex.ts';
import type { StreamState, StreamStates } from './streamStates.ts';

/** A member's deposit accounts (in the order first known, with their kind) and loans. */
export interface MemberAccounts {
  readonly deposits: ReadonlyArray<{ readonly accountId: AccountIdT; readonly kind: DepositKind }>;
  readonly loans: ReadonlyArray<LoanIdT>;
}

/** Her accounts, with her stream at the revision they were read up to (a fact's source). */
export interface MemberAccountsRead {
  readonly accounts: MemberAccounts;
  readonly readFrom: ReadonlyArray<FactSource>;
}

/** Where a member's accounts are read from. */
export interface AccountReaders {
  readonly store: EventStore<LedgerEvent>;
  readonly states: StreamStates;
  readonly members: MemberIndex;
}

/**
 * The accounts and loans noted on a member's stream (AccountOpeningNoted), read up to the
 * revision `member` names: what any Ledger over the store opened for her since the notes began.
 */
export const notedAccounts = async (
  store: EventStore<LedgerEvent>, member: FactSource,
): Promise<MemberAccounts> => {
  const deposits: Array<{ accountId: AccountIdT; kind: DepositKind }> = [];
  const loans: LoanIdT[] = [];
  const upTo = member.revision;
  if (upTo === undefined) return { deposits, loans };
  try {
    for await (const e of store.readStream(member.stream, { notFoundAsEmpty: true })) {
      if (e.revision > upTo) break;
      if (e.type !== 'AccountOpeningNoted') continue;
      const { kind, id } = e.data;
      if (kind === 'loan') {
        if (LoanId.is(id)) loans.push(id);
      } else if (AccountId.is(id)) deposits.push({ accountId: id, kind });
    }
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
  return { deposits, loans };
};

/** Whether `accounts` names the account or loan `id` (of the given kind). */
export const namesAccount = (
  accounts: MemberAccounts, kind: DepositKind | 'loan', id: string,
): boolean => kind === 'loan' ? accounts.loans.some((l) => l === id)
  : accounts.deposits.some((d) => d.accountId === id);

/**
 * Every account and loan of a member: those noted on her stream up to the revision read (or
 * `member`, when her stream is the one decided on), and those the member index found from their
 * opening events (logs written before the notes; this Ledger's own openings). Her stream is the
 * source: an opening anywhere notes itself there first, so an append conditioned on her stream's
 * revision fails if an account or loan of hers was opened since, and the facts are read again.
 */
export const memberAccountsOf = async (
  r: AccountReaders, memberId: MemberId, member?: FactSource,
): Promise<MemberAccountsRead> => {
  const s = member ?? await r.states.load(streamNameFor.member(memberId), 'member');
  const noted = await notedAccounts(r.store, s);
  const known = r.members.get(memberId);
  const deposits = [...known?.deposits ?? []];
  for (const d of noted.deposits) {
    if (!deposits.some((k) => k.accountId === d.accountId)) deposits.push(d);
  }
  const loans = [...known?.loans ?? []];
  for (const l of noted.loans) if (!loans.includes(l)) loans.push(l);
  return { accounts: { deposits, loans }, readFrom: [{ stream: s.stream, revision: s.revision }] };
};

/** A state once its stream holds an opening. */
export type Opened<S> = Exclude<S, { readonly status: 'none' }>;

/**
 * A deposit account or a loan as read, when it is `memberId`'s: undefined otherwise. A note
 * names an id, not what was opened under it. An opening refused after its note (her exit stored
 * in between, or the same id opened at once for another member through another instance), or
 * one whose instance died after its note and whose id was then given to another member, leaves
 * a note naming a stream with no events, or another member's. Neither is hers.
 */
export const herDeposit = (s: StreamState, memberId: MemberId):
  Opened<DepositState> | undefined => {
  const held = s.state;
  return held.kind === 'deposit' && held.state.status !== 'none'
    && held.state.memberId === memberId ? held.state : undefined;
};
/** The loan as read, when it is `memberId`'s (see herDeposit). */
export const herLoan = (s: StreamState, memberId: MemberId): Opened<LoanState> | undefined => {
  const held = s.state;
  return held.kind === 'loan' && held.state.status !== 'none'
    && held.state.memberId === memberId ? held.state : undefined;
};
