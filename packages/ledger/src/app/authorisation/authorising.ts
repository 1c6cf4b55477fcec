import * as E from 'fp-ts/lib/Either.js';
import {
  authorise, checkersFor, routeCommand, streamNameFor, whileSettingUp,
  type ApprovalState, type AuthorisationFacts, type Command, type StaffState,
} from '@usha/domain';
import { commandHash } from '../commands/commandHash.ts';
import type { FactSource } from '../commands/factSource.ts';
import type { FetchedCommand, FillFacts } from '../commands/fetchFacts.ts';
import type { LedgerRejection } from '../commands/outcome.ts';
import type { StreamState, StreamStates } from '../commands/streamStates.ts';
import { branchOf } from './branchOf.ts';
import type { StaffRegister } from './staffRegister.ts';

/** Where authorisation reads from, and how a society with no staff yet is treated. */
export interface AuthorisationReaders {
  readonly states: StreamStates;
  readonly register: StaffRegister;
  /** Refuse everything but the first board appointment while no staff is appointed. */
  readonly requireStaff: boolean;
}

type Checked = E.Either<LedgerRejection, ReadonlyArray<FactSource>>;

const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });
const noRequest: ApprovalState = { status: 'none' };

const staffOf = (s: StreamState): StaffState =>
  s.state.kind === 'staff' ? s.state.state : { status: 'none' };
const requestOf = (s: StreamState): ApprovalState =>
  s.state.kind === 'approval' ? s.state.state : noRequest;

// The command whose branch counts: a request's command for the approval commands.
const subjectOf = (c: Command, target: StreamState): Command | undefined => {
  if (c.type === 'RequestApproval') return c.data.command;
  if (c.type === 'ApproveRequest' || c.type === 'DeclineRequest') {
    const r = requestOf(target);
    return r.status === 'none' ? undefined : r.command;
  }
  return c;
};

const branchFacts = async (r: AuthorisationReaders, c: Command, target: StreamState) => {
  const subject = subjectOf(c, target);
  if (subject === undefined) return { branchId: null, readFrom: [] };
  if (subject === c) return branchOf(r.states, c, target);
  const route = routeCommand(subject);
  return branchOf(r.states, subject, await r.states.load(route.stream, route.aggregate));
};

// A command that needs a checker: its request, and whether it holds this very command.
const approvalFacts = async (r: AuthorisationReaders, c: Command) => {
  if (checkersFor(c.type).length === 0) return { facts: {}, readFrom: [] };
  const s = await r.states.load(streamNameFor.approval(c.data.commandId), 'approval');
  const state = requestOf(s);
  const sameCommand = state.status !== 'none' && commandHash(state.command) === commandHash(c);
  return { facts: { approval: { state, sameCommand } }, readFrom: [source(s)] };
};

/**
 * Checks a command against the permission table, reading the actor's appointment from her
 * own staff stream (what any Ledger over the store stored there, read now, not an index), the
 * branch of the member it is about, and its request when it needs a checker.
 */
export const checkAuthorised = async (
  r: AuthorisationReaders, c: Command, target: StreamState,
): Promise<Checked> => {
  const actor = await r.states.load(streamNameFor.staff(c.data.actor), 'staff');
  const [branch, approval] = await Promise.all([
    branchFacts(r, c, target), approvalFacts(r, c),
  ]);
  // The maker a reschedule names: her appointment, read from her staff stream as the actor's.
  const maker = c.type === 'RescheduleLoan'
    ? await r.states.load(streamNameFor.staff(c.data.requestedBy), 'staff') : undefined;
  const isApproval = c.type === 'ApproveRequest' || c.type === 'DeclineRequest';
  const facts: AuthorisationFacts = {
    branchId: branch.branchId, ...approval.facts,
    ...(isApproval ? { request: requestOf(target) } : {}),
    ...(maker === undefined ? {} : { maker: staffOf(maker) }),
  };
  const ok = authorise(c, staffOf(actor), facts);
  return E.isLeft(ok) ? ok : E.right([source(actor), ...branch.readFrom, ...approval.readFrom,
    ...(maker === undefined ? [] : [source(maker)])]);
};

const withSources = (
  f: E.Either<LedgerRejection, FetchedCommand>, readFrom: ReadonlyArray<FactSource>,
): E.Either<LedgerRejection, FetchedCommand> => E.isLeft(f) ? f
  : E.right({ ...f.right, readFrom: [...readFrom, ...(f.right.readFrom ?? [])] });

/**
 * Puts the permission table in front of the facts: a command is authorised first (or refused
 * `not_authorised` / `approval_required`, nothing read beyond), then its facts are read. While
 * the log holds no staff register the set-up rule applies instead (`whileSettingUp`). The
 * streams read are added to `readFrom`, the staff stream first.
 */
export const authorising = (r: AuthorisationReaders, inner: FillFacts): FillFacts =>
  (c, target) => {
    if (!r.register.exists()) {
      const setUp = whileSettingUp(c, r);
      return E.isLeft(setUp) ? setUp : inner(c, target);
    }
    return checkAuthorised(r, c, target).then(async (checked) =>
      E.isLeft(checked) ? checked : withSources(await inner(c, target), checked.right));
  };
