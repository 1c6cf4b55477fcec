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
}

/** The facts of the branch's commands, by command type (the others need none). */
export interface BranchFacts {
  readonly ReleaseTillCash: ReleaseTillFacts;
}

/** An event of an account's stream as the status reads it: its command, and what it reverses. */
export interface AccountStreamEvent {
  readonly commandId: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * Where account step `stepId` (a command id) is among its stream's events: absent when none
 * is stored, reversed when a correction names one of them (their ids are the step's id, a dot
 * and their place), else standing.
 * @example accountStepStatus('c1:account', [{ commandId: 'c1:account', type: 'Deposited',
 *   data: {} }]) // 'stands'
 */
export const accountStepStatus = (
  stepId: string, events: Iterable<AccountStreamEvent>,
): AccountStepStatus => {
  const prefix = `${stepId}.`;
  let stored = false;
  for (const e of events) {
    if (e.commandId === stepId) stored = true;
    const reversedId: unknown = e.type === 'EventReversed' && typeof e.data === 'object'
      && e.data !== null ? Reflect.get(e.data, 'reversedEventId') : undefined;
    if (typeof reversedId === 'string' && reversedId.startsWith(prefix)) return 'reversed';
  }
  return stored ? 'stands' : 'absent';
};
