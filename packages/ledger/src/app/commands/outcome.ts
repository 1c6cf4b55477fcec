import type { Command, FieldError, Rejection } from '@usha/domain';
import type { Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/**
 * Why the Ledger refused a command: a domain rejection (checked by the decider), or one of the
 * Ledger's own. Never thrown: a command's outcome is a value.
 */
export type LedgerRejection =
  | Rejection
  // The input is not a command: each field at fault, nothing stored.
  | { readonly type: 'invalid_command'; readonly message: string;
    readonly fields: ReadonlyArray<FieldError> }
  // The command id was used before for another request (TigerBeetle's exists_with_different_*).
  | { readonly type: 'command_id_reused'; readonly commandId: string;
    readonly originalCommandType: string }
  // Other writers kept changing the stream: every attempt met a newer revision.
  | { readonly type: 'concurrency_conflict'; readonly stream: string; readonly attempts: number }
  // A process needs a dividend that has not been declared for the year.
  | { readonly type: 'dividend_not_declared'; readonly financialYear: string };
// `cannot_compute` (a figure that cannot be computed) is the domain's: Rejection holds it.

/** The tag of a Ledger rejection. */
export type LedgerRejectionType = LedgerRejection['type'];

/** An event the command stored: the store's id (a UUID), its revision, the event. */
export interface StoredEvent {
  readonly eventId: string;
  readonly revision: bigint;
  readonly event: LedgerEvent;
}

/** A command that was applied: the events it stored and where. */
export interface Accepted {
  readonly status: 'accepted';
  readonly commandId: string;
  readonly commandType: Command['type'];
  readonly stream: string;
  readonly events: ReadonlyArray<StoredEvent>;
  /** The stream's revision after the command. */
  readonly revision: bigint;
  /** The position of the command's last event: wait for it to read your own write. */
  readonly position: Position;
  /** True when this is a retry of a command already applied (nothing new was stored). */
  readonly duplicate: boolean;
}

/** A command that was refused; nothing was stored. */
export interface Rejected {
  readonly status: 'rejected';
  readonly commandId: string | undefined;
  readonly rejection: LedgerRejection;
  /** True when this repeats a rejection remembered from an earlier try (in memory only). */
  readonly duplicate: boolean;
}

/** What sending a command to the Ledger yields. */
export type CommandOutcome = Accepted | Rejected;

/** Whether an outcome is an acceptance. */
export const isAccepted = (o: CommandOutcome): o is Accepted => o.status === 'accepted';
