// An auditor's check of who acted, from the log alone: every event was sent by staff in post
// when it was stored, in a role the permission table names for its command, at the branch of
// the member it is about; every command that needs a second person had one. The Ledger
// refuses anything else when it runs with `requireStaff`; this reads what was kept, so a log
// written without it (or tampered with) shows what it holds.
import {
  checkersFor, isBranchRole, permissions, rolesFor, type Command, type StaffRole,
} from '@usha/domain';

/** What the audit reads of each event: the fields every log line has. */
export interface LoggedEvent {
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: {
    readonly actor: string;
    readonly commandId: string;
    readonly commandType: string;
  };
}

/** What the audit found: the staff appointed and those who acted, and every breach. */
export interface StaffAudit {
  readonly events: number;
  readonly appointed: ReadonlyArray<string>;
  readonly acted: ReadonlyArray<string>;
  /** One line per event that breaks a rule, naming its stream, revision, type and actor. */
  readonly breaches: ReadonlyArray<string>;
}

interface Post { readonly role: StaffRole; readonly branchId: string | null }

const text = (data: unknown, key: string): string | undefined => {
  const v = field(data, key);
  return typeof v === 'string' ? v : undefined;
};
const isCommandType = (s: string | undefined): s is Command['type'] =>
  s !== undefined && Object.hasOwn(permissions, s);
const isRole = (s: string | undefined): s is StaffRole =>
  s === 'clerk' || s === 'cashier' || s === 'branchManager' || s === 'board'
  || s === 'auditor';

/**
 * Audits the log's events, in log order, against the permission table.
 * @example auditStaff(events).breaches // [] for the demo's year
 */
export const auditStaff = (events: Iterable<LoggedEvent>): StaffAudit => {
  const inPost = new Map<string, Post>();
  const appointed: string[] = [];
  const acted = new Set<string>();
  const branchOf = new Map<string, string>();
  // Whose account or loan each stream is: learnt from the events that name her.
  const ownerOf = new Map<string, string>();
  const requests = new Map<string,
    { type: string; maker: string; memberId: string | undefined; checker?: string }>();
  const loanMakers = new Map<string, string>();
  const breaches: string[] = [];
  let count = 0;
  for (const e of events) {
    // Notes and claims the Ledger writes to coordinate its instances are no one's act.
    if (e.type === 'SetUpNoted' || e.type === 'ProcessClaimed') continue;
    const { actor, commandId, commandType } = e.metadata;
    const breach = (why: string) => breaches.push(
      `${e.stream}@${e.revision} ${e.type} (${commandType}) by ${actor}: ${why}`);
    const request = requests.get(text(e.data, 'requestId') ?? '');
    // The member an approval is about is the one its request's command is about.
    const memberId = e.type === 'ApprovalRequested' ? memberOfCommand(e.data, ownerOf)
      : e.stream.startsWith('approval-') ? request?.memberId
        : text(e.data, 'memberId') ?? ownerOf.get(e.stream);
    // The set-up rule: the log's first event appoints a board member, sent by anyone.
    const setUp = count === 0 && e.type === 'StaffAppointed'
      && text(e.data, 'role') === 'board';
    count += 1;
    if (setUp) acted.add(actor);
    const post = inPost.get(actor);
    if (!setUp && post === undefined) breach('not staff in post');
    else if (post !== undefined) {
      acted.add(actor);
      const roles = e.type === 'RequestApproved' ? checkersOf(request?.type)
        : commandType === 'RequestApproval' ? rolesOf(commandOf(e.data))
          // The dividend run's credit to savings is a book entry: CreditDividend's roles.
          // (A dividend deposit's DividendDeposited, the year it brought, is that deposit's.)
          : commandType === 'MakeDeposit' && (e.type === 'DividendDeposited'
            || text(e.data, 'source') === 'dividend')
            ? rolesFor('CreditDividend') : rolesOf(commandType);
      if (!roles.includes(post.role)) breach(`role ${post.role} not in [${roles.join(', ')}]`);
      if (isBranchRole(post.role)) {
        const branch = memberId === undefined ? undefined : branchOf.get(memberId)
          ?? (e.type === 'MemberAdmitted' ? text(e.data, 'branchId') : undefined);
        if (branch !== post.branchId) breach(`branch ${post.branchId} acting on ${branch}`);
      }
    }
    // A second person: the checker of a request is not its maker, and a command that needs
    // one ran only on its own request, approved, made by its actor.
    if (e.type === 'ApprovalRequested') {
      requests.set(text(e.data, 'requestId') ?? '',
        { type: commandOf(e.data) ?? '', maker: actor, memberId });
    }
    if (e.type === 'RequestApproved') {
      if (request === undefined || request.maker === actor) {
        breach('approved by its maker or unrequested');
      } else request.checker = actor;
    }
    if (checkersOf(commandType).length > 0) {
      const r = requests.get(commandId);
      if (r?.checker === undefined || r.maker !== actor) breach('no second person approved it');
    }
    if (e.type === 'LoanApplied') loanMakers.set(e.stream, actor);
    if (e.type === 'LoanApproved' && loanMakers.get(e.stream) === actor) {
      breach('approved by the one who applied');
    }
    if (memberId !== undefined && !e.stream.startsWith('approval-')) {
      ownerOf.set(e.stream, memberId);
    }
    if (e.type === 'MemberAdmitted' && memberId !== undefined) {
      branchOf.set(memberId, text(e.data, 'branchId') ?? '');
    }
    if (e.type === 'MemberTransferred' && memberId !== undefined) {
      branchOf.set(memberId, text(e.data, 'to') ?? '');
    }
    const staffId = text(e.data, 'staffId');
    const role = text(e.data, 'role');
    if (e.type === 'StaffAppointed' && staffId !== undefined && isRole(role)) {
      inPost.set(staffId, { role, branchId: text(e.data, 'branchId') ?? null });
      appointed.push(staffId);
    }
    if (e.type === 'StaffRevoked' && staffId !== undefined) inPost.delete(staffId);
  }
  return { events: count, appointed, acted: [...acted].sort(), breaches };
};

const field = (data: unknown, key: string): unknown =>
  typeof data === 'object' && data !== null ? Reflect.get(data, key) : undefined;

// The type of the command an approval request holds.
const commandOf = (data: unknown): string | undefined => text(field(data, 'command'), 'type');

// The member a requested command is about: named, or the owner of its loan or account stream
// (`loan-<loanId>`, `deposit-<accountId>`; a reversal names its aggregate's stream).
const memberOfCommand = (
  data: unknown, ownerOf: ReadonlyMap<string, string>,
): string | undefined => {
  const c = field(field(data, 'command'), 'data');
  const aggregate = text(c, 'aggregate');
  const aggregateId = text(c, 'aggregateId');
  const own = (stream: string) => ownerOf.get(stream);
  return text(c, 'memberId') ?? own(`loan-${text(c, 'loanId')}`)
    ?? own(`deposit-${text(c, 'accountId')}`)
    ?? (aggregate === 'member' || aggregate === 'shares' ? aggregateId
      : own(`${aggregate}-${aggregateId}`));
};

// The roles the table names for a command type read from the log: none for a type it does
// not know, so that such an event is a breach whoever sent it.
const rolesOf = (s: string | undefined): ReadonlyArray<StaffRole> =>
  isCommandType(s) ? rolesFor(s) : [];
const checkersOf = (s: string | undefined): ReadonlyArray<StaffRole> =>
  isCommandType(s) ? checkersFor(s) : [];
