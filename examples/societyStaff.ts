// The society's staff for the demo's year: two board members, and at each branch a clerk, a
// cashier and a branch manager; an auditor, who reads and sends nothing. Ids are opaque
// (`STF-0001`): the log names who acted by id only, the personnel records keep the names.
import type { StaffRole } from '@usha/domain';
import { isAccepted, type CommandOutcome, type Ledger } from '@usha/ledger';

/** One appointment: who, in which role, at which branch (null for the board and auditors). */
export interface Appointment {
  readonly staffId: string;
  readonly role: StaffRole;
  readonly branchId: string | null;
}

/** The branch roles: who does a member's business at her branch. */
export type BranchRole = 'clerk' | 'cashier' | 'branchManager';

/** The staff of a society with these branches, and who holds which post. */
export interface Roster {
  /** Every appointment, in the order made: the first board member first. */
  readonly appointments: ReadonlyArray<Appointment>;
  /** The board member who sends the society's commands and makes its requests. */
  readonly board: string;
  /** The second board member, who checks what the first requests. */
  readonly secondBoard: string;
  /** Who holds `role` at `branchId`. */
  readonly at: (branchId: string, role: BranchRole) => string;
}

const branchRoles: ReadonlyArray<BranchRole> = ['clerk', 'cashier', 'branchManager'];

/**
 * The roster for these branches, numbered in order of appointment.
 * @example rosterFor(['SONAGACHI']).at('SONAGACHI', 'cashier') // 'STF-0004'
 */
export const rosterFor = (branches: ReadonlyArray<string>): Roster => {
  let n = 0;
  const next = (role: StaffRole, branchId: string | null): Appointment => {
    n += 1;
    return { staffId: `STF-${String(n).padStart(4, '0')}`, role, branchId };
  };
  const board = next('board', null);
  const secondBoard = next('board', null);
  const posts = branches.flatMap((b) => branchRoles.map((r) => next(r, b)));
  const auditor = next('auditor', null);
  const at = (branchId: string, role: BranchRole): string => {
    const post = posts.find((p) => p.branchId === branchId && p.role === role);
    if (post === undefined) throw new Error(`no ${role} at ${branchId}`);
    return post.staffId;
  };
  return { appointments: [board, secondBoard, ...posts, auditor], board: board.staffId,
    secondBoard: secondBoard.staffId, at };
};

/**
 * Appoints the roster on `on`: the first board member appoints herself (the set-up rule: the
 * first appointment is of a board member, and anyone may send it), then everyone else.
 */
export const appointRoster = async <S>(
  ledger: Ledger<S>, roster: Roster, on: string,
): Promise<void> => {
  for (const a of roster.appointments) {
    const out: CommandOutcome = await ledger.appointStaff({ commandId: `appoint-${a.staffId}`,
      actor: roster.board, on, ...a });
    if (!isAccepted(out)) {
      throw new Error(`${a.staffId}: ${JSON.stringify(out.rejection)}`);
    }
  }
};
