import {
  isBranchCommand, MemberId, routeCommand, streamNameFor, type BranchId, type Command,
} from '@usha/domain';
import type { FactSource } from '../commands/factSource.ts';
import type { StreamState, StreamStates } from '../commands/streamStates.ts';

/** The branch a command is about, and the streams read to find it. */
export interface BranchRead {
  /** The member's branch; null for a command about the society; undefined when not found. */
  readonly branchId: BranchId | null | undefined;
  readonly readFrom: ReadonlyArray<FactSource>;
}

const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });

// The member a command is about: named in its data, or the owner of the account or loan its
// stream holds (a reversal of a member's or share event names her as the aggregate's id).
const memberOf = (c: Command, target: StreamState): MemberId | undefined => {
  const named: unknown = Reflect.get(c.data, 'memberId');
  if (MemberId.is(named)) return named;
  if (c.type === 'ReverseEvent' && (c.data.aggregate === 'member'
    || c.data.aggregate === 'shares') && MemberId.is(c.data.aggregateId)) {
    return c.data.aggregateId;
  }
  const s = target.state;
  return (s.kind === 'deposit' || s.kind === 'loan') && s.state.status !== 'none'
    ? s.state.memberId : undefined;
};

/**
 * The branch of the member a command is about, read from her member stream (a branch is
 * where a member was admitted). AdmitMember names the branch itself. A command about the
 * society, the staff register or a request has none (null). Not found (no such member yet,
 * or an account or loan not opened): undefined, and a branch role is refused on it.
 */
export const branchOf = async (
  states: StreamStates, c: Command, target: StreamState,
): Promise<BranchRead> => {
  if (c.type === 'AdmitMember') return { branchId: c.data.branchId, readFrom: [] };
  // A branch's cash commands name the branch they are about.
  if (isBranchCommand(c)) return { branchId: c.data.branchId, readFrom: [] };
  const { aggregate } = routeCommand(c);
  if (aggregate === 'society' || aggregate === 'staff' || aggregate === 'approval') {
    return { branchId: null, readFrom: [] };
  }
  // A standing instruction is about the member whose savings account it pays from.
  const from = aggregate === 'standing' ? await fromAccount(states, c, target) : undefined;
  const memberId = from === undefined ? memberOf(c, target) : memberOf(c, from);
  const read = from === undefined ? [source(target)] : [source(target), source(from)];
  if (memberId === undefined) return { branchId: undefined, readFrom: read };
  const m = await states.load(streamNameFor.member(memberId), 'member');
  const branchId = m.state.kind === 'member' && m.state.state.status !== 'none'
    ? m.state.state.branchId : undefined;
  return { branchId, readFrom: [...read, source(m)] };
};

// The savings account a standing instruction pays from: named by GiveStandingInstruction, held
// by the instruction's stream for the others.
const fromAccount = async (
  states: StreamStates, c: Command, target: StreamState,
): Promise<StreamState | undefined> => {
  const s = target.state;
  const accountId = c.type === 'GiveStandingInstruction' ? c.data.fromAccountId
    : s.kind === 'standing' && s.state.status !== 'none' ? s.state.fromAccountId : undefined;
  return accountId === undefined ? undefined
    : states.load(streamNameFor.deposit(accountId), 'deposit');
};
