import type { DomainEnvelope, DomainEvent } from '@usha/domain';

/** Where an event sits in the global order of a store: compare with `comparePositions`. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/**
 * An event as projections read it: the decoded event with its metadata, and, when it comes from
 * a store, its global position and its stream and revision (structurally a recorded event).
 */
export type ProjectedEvent = DomainEnvelope<DomainEvent> & {
  readonly position?: LogPosition;
  readonly stream?: string;
  readonly revision?: bigint;
};

/** The catalogue's money events: the ones an `EventReversed` can name. */
export type ReversibleType =
  | 'SharesPurchased' | 'SharesRedeemed' | 'DividendCredited' | 'Deposited' | 'Withdrawn'
  | 'InterestPosted' | 'RepaymentReceived' | 'PenaltyCharged' | 'FeeCharged'
  | 'InterestWaived' | 'RecoveryReceived' | 'DepositChargeApplied' | 'AdmissionFeeCharged';

/**
 * What a projection needs of the event an `EventReversed` names, to apply its exact opposite:
 * amounts in paise (zero where the type has none).
 */
export interface ReversedPosting {
  readonly type: ReversibleType;
  /** The business date of the event reversed. */
  readonly on: string;
  readonly amount: bigint;
  readonly shares: number;
  readonly source: 'cash' | 'transfer' | 'dividend' | 'interest_transfer' | null;
  readonly instalment: boolean;
  readonly periodFrom: string | null;
  readonly penalties: bigint;
  readonly fees: bigint;
  readonly interest: bigint;
  readonly principal: bigint;
}

/**
 * An event handed to a projection's `apply`: an `EventReversed` comes with the posting it
 * reverses, resolved by the runner (`combine`), or null when the log does not hold it.
 */
export type ResolvedEvent = ProjectedEvent & { readonly reversed?: ReversedPosting | null };

/** Orders positions: negative if a is before b, 0 if equal, positive if after. */
export const comparePositions = (a: LogPosition, b: LogPosition): number =>
  a.commit !== b.commit ? (a.commit < b.commit ? -1 : 1)
    : a.prepare !== b.prepare ? (a.prepare < b.prepare ? -1 : 1) : 0;
