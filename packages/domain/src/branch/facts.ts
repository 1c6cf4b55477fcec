import type { TillMove } from './state.ts';

/**
 * Where a till movement's account step is, as its account's stream holds it: never stored (it
 * was refused, or has not run yet), standing, or reversed (one of its events corrected).
 */
export type AccountStepStatus = 'absent' | 'stands' | 'reversed';

/**
 * What ReleaseTillCash is decided on: its account step, read from the stream the movement
 * names. A step that stands has the member's money in her account: releasing its till side
 * would take the cash out of the till's book while the books keep it, a shortage no count
 * would show.
 */
export interface ReleaseTillFacts {
  readonly accountStep: AccountStepStatus;
  /**
   * The movement, as the branch's stream holds it, when the branch's state no longer holds it
   * (its day closed since: `BranchCashState.moves` keeps the open days' only): read with the
   * release from the stream at the revision its append expects. Absent: none was found, or the
   * state holds it (the state's is used).
   */
  readonly move?: TillMove;
}

/** The facts of the branch's commands, by command type (the others need none). */
export interface BranchFacts {
  readonly ReleaseTillCash: ReleaseTillFacts;
}

/** An event of an account's stream as the status reads it: its command, its id, its data. */
export interface AccountStreamEvent {
  readonly commandId: string;
  /** The domain's id (`eventIdFor`: the command id, a dot, its place), what a reversal names. */
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * Where account step `stepId` (a command id) is among its stream's events, in stream order:
 * absent when none of its events is stored, reversed when a correction names one of them by
 * its id, else standing. Ids are compared whole: a command id may hold dots, so another
 * command's event (`c1:account.x.0`) is not the step's (`c1:account.0`).
 * @example accountStepStatus('c1:account', [{ commandId: 'c1:account',
 *   eventId: 'c1:account.0', type: 'Deposited', data: {} }]) // 'stands'
 */
export const accountStepStatus = (
  stepId: string, events: Iterable<AccountStreamEvent>,
): AccountStepStatus => {
  const own = new Set<string>();
  for (const e of events) {
    if (e.commandId === stepId) own.add(e.eventId);
    const reversedId: unknown = e.type === 'EventReversed' && typeof e.data === 'object'
      && e.data !== null ? Reflect.get(e.data, 'reversedEventId') : undefined;
    if (typeof reversedId === 'string' && own.has(reversedId)) return 'reversed';
  }
  return own.size > 0 ? 'stands' : 'absent';
};
