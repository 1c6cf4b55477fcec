import * as E from 'fp-ts/lib/Either.js';
import {
  initialMemberState, streamNameFor, type DepositState, type Guarantee, type GuarantorFact,
  type LendingFacts, type LoanStatusFact, type MemberId, type MembershipFacts, type ShareState,
} from '@usha/domain';
import type { FactSource } from './factSource.ts';
import type { FactReaders, FactsRead } from './fetchFacts.ts';
import { herDeposit, herLoan, memberAccountsOf } from './memberAccounts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

type Read<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;
const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });

/**
 * The lending limits' facts (LendingFacts) from the streams: the borrower's share account,
 * deposit accounts and loans, and each guarantor's member stream and the account she
 * guarantees from. Every stream read is in `readFrom`, so an append conditioned on them
 * refuses a decision made on figures that moved meanwhile.
 */
export const lendingFactsOf = async (
  r: FactReaders, borrower: MemberId, guarantors: ReadonlyArray<Pick<Guarantee,
    'memberId' | 'accountId'>>,
): Read<LendingFacts> => {
  // Her accounts as her stream notes them now: one opened since moves it (memberAccounts.ts);
  // a noted id that is not hers (herDeposit, herLoan) counts for nothing, its stream still a fact's source.
  const held = await memberAccountsOf(r, borrower);
  const streams = held.accounts;
  const readFrom: FactSource[] = [...held.readFrom];
  const sh = await r.states.load(streamNameFor.shares(borrower), 'shares');
  readFrom.push(source(sh));
  const shares: ShareState = sh.state.kind === 'shares' ? sh.state.state : { status: 'none' };
  const deposits: DepositState[] = [];
  for (const d of streams.deposits) {
    const s = await r.states.load(streamNameFor.deposit(d.accountId), 'deposit');
    readFrom.push(source(s));
    const deposit = herDeposit(s, borrower);
    if (deposit !== undefined) deposits.push(deposit);
  }
  const loans: LoanStatusFact[] = [];
  for (const loanId of streams.loans) {
    const s = await r.states.load(streamNameFor.loan(loanId), 'loan');
    readFrom.push(source(s));
    const loan = herLoan(s, borrower);
    if (loan !== undefined) loans.push(loan);
  }
  const byMember: Record<string, GuarantorFact> = {};
  for (const g of guarantors) {
    const m = await r.states.load(streamNameFor.member(g.memberId), 'member');
    const a = await r.states.load(streamNameFor.deposit(g.accountId), 'deposit');
    readFrom.push(source(m), source(a));
    byMember[g.memberId] = {
      member: m.state.kind === 'member' ? m.state.state : initialMemberState,
      account: a.state.kind === 'deposit' ? a.state.state : { status: 'none' },
    };
  }
  return E.right({ facts: { shares, deposits, loans, guarantors: byMember }, readFrom });
};

/** The membership read and then the lending facts: what an application and an approval take. */
export const withLending = async (
  membership: Read<MembershipFacts>, lending: () => Read<LendingFacts>,
): Read<MembershipFacts & { readonly lending: LendingFacts }> => {
  const m = await membership;
  if (E.isLeft(m)) return m;
  const l = await lending();
  if (E.isLeft(l)) return l;
  return E.right({ facts: { ...m.right.facts, lending: l.right.facts },
    readFrom: [...m.right.readFrom, ...l.right.readFrom] });
};
