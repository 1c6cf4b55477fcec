import {
  CommandId, DateString, eventIdFor, isOpaqueId, processClaimStream, schemaVersionOf, UserId,
  type BusinessDate, type ProcessClaimed as Claimed,
} from '@usha/domain';
import {
  EventIdConflictError, StreamNotFoundError, WrongExpectedVersionError,
} from '../../eventStore/errors.ts';
import type { EventStore, NewEvent } from '../../eventStore/port.ts';
import { eventUuid } from '../log/eventUuid.ts';
import type { LedgerEvent, LedgerMetadata } from '../log/ledgerEvent.ts';
import type { ProcessRecord } from './processRecord.ts';
import { instanceName, stoppedHere } from './instanceName.ts';
import { stepId } from './stepId.ts';
import { checkedClock } from '../../eventStore/storeOptionFields.ts';
import { thrownName } from '../../eventStore/thrownName.ts';

/** How an instance claims the processes it starts, and the unfinished ones it resumes. */
export interface ProcessClaimSettings {
  /**
   * This instance's name in its claims (opaque, no personal data): by default one of its own,
   * `h<digest of the host name>.<pid>.<uuid>` (instanceName.ts). A name given must be this
   * instance's alone: two instances under one name would both hold its claims.
   */
  readonly claimant: string;
  /**
   * Whether the instance named in a claim is known to have stopped, so its lease need not be
   * waited out; by default (stoppedHere) a default name of this machine whose process is gone,
   * so an instance restarted after a crash resumes at once what it was running.
   */
  readonly stopped: (claimant: string) => boolean;
  /** How long a claim keeps other instances off; default 5 minutes (300,000 ms). */
  readonly leaseMs: number;
  /** The app's clock (the domain reads none); `new Date()` by default. */
  readonly now: () => Date;
}

/** Claim settings that cannot be used (createLedger's `processClaims`): the field and why. */
export class ProcessClaimSettingsError extends Error {
  override readonly name = 'ProcessClaimSettingsError';
  constructor(readonly field: string, readonly reason: string) {
    super(`processClaims.${field}: ${reason}`);
  }
}

// The longest lease taken: a claim must lapse within a day of a crash the app cannot report.
const maxLeaseMs = 86_400_000;

// Each field read once, whatever the object is (a getter, a proxy): what is checked is used.
const field = (s: unknown, name: keyof ProcessClaimSettings): unknown => {
  if (s === undefined) return undefined;
  if (s === null || typeof s !== 'object') {
    throw new ProcessClaimSettingsError('', 'not an object of settings');
  }
  try {
    return Reflect.get(s, name);
  } catch (e) {
    throw new ProcessClaimSettingsError(name, `could not be read (${thrownName(e)})`);
  }
};

/**
 * The settings with their defaults filled in; any value is checked, each field read once, and a
 * field that cannot be used is refused with ProcessClaimSettingsError. A `stopped` or `now`
 * that throws later, or answers something else, is read as "not known to have stopped" and as
 * no usable clock (ClaimClockError) respectively: a claim is never taken on a broken answer.
 */
export const processClaimSettings = (s: unknown = {}): ProcessClaimSettings => {
  const claimant = field(s, 'claimant');
  const leaseMs = field(s, 'leaseMs');
  const now = field(s, 'now');
  const stopped = field(s, 'stopped');
  if (claimant !== undefined && (typeof claimant !== 'string' || !isOpaqueId(claimant))) {
    throw new ProcessClaimSettingsError('claimant',
      'not an opaque name (1 to 100 letters, digits or - _ . :, starting with a letter or '
      + 'digit; no personal data)');
  }
  if (leaseMs !== undefined && (typeof leaseMs !== 'number' || !Number.isSafeInteger(leaseMs)
    || leaseMs < 1 || leaseMs > maxLeaseMs)) {
    throw new ProcessClaimSettingsError('leaseMs',
      `not a whole number of milliseconds from 1 to ${maxLeaseMs}`);
  }
  if (now !== undefined && typeof now !== 'function') {
    throw new ProcessClaimSettingsError('now', 'not a function');
  }
  if (stopped !== undefined && typeof stopped !== 'function') {
    throw new ProcessClaimSettingsError('stopped', 'not a function');
  }
  const ask = stopped === undefined ? (c: string) => stoppedHere(c)
    : (c: string): boolean => {
      try {
        return Reflect.apply(stopped, undefined, [c]) === true;
      } catch {
        return false;
      }
    };
  // The store's own check of a clock (a real Date read by Date's own method, of a year a line
  // can hold), its refusal a ClaimClockError.
  const clock = checkedClock(now, (_field, why) => {
    throw new ClaimClockError(why);
  }) ?? (() => new Date());
  return {
    claimant: claimant ?? instanceName(), leaseMs: leaseMs ?? 300_000, now: clock, stopped: ask,
  };
};

/** The app's clock for claims (`processClaims.now`) could not be used when a claim was taken. */
export class ClaimClockError extends Error {
  override readonly name = 'ClaimClockError';
  constructor(readonly reason: string) {
    super(`processClaims.now ${reason}: no claim is taken without a clock`);
  }
}

/** A claim another instance holds, its lease still running. */
export interface HeldElsewhere {
  readonly processId: string;
  readonly claimant: string;
  readonly leaseUntil: string;
}

/** This instance's claim as stored: the revision a renewal expects, and its lease. */
export interface OwnClaim {
  readonly revision: bigint;
  readonly leaseUntil: string;
}

/**
 * What a claim came to: this instance completes the process (`claim` is undefined only for a
 * record that does not decode, which no step is run for), or another holds it.
 */
export type ClaimOutcome =
  | { readonly kind: 'won'; readonly claim?: OwnClaim }
  | { readonly kind: 'held'; readonly by: HeldElsewhere };

/** A claim stream's last claim and its revision; undefined: never claimed. */
export type LastClaim =
  { readonly revision: bigint; readonly claim: Claimed['data'] } | undefined;
type Last = LastClaim;

/** The last claim on `stream` (`process-<id>`), with its revision; undefined: never claimed. */
export const lastClaim = async (
  store: EventStore<LedgerEvent>, stream: string,
): Promise<Last> => {
  try {
    for await (const e of store.readStream(stream,
      { direction: 'backwards', fromRevision: 'end', maxCount: 1, notFoundAsEmpty: true })) {
      if (e.type === 'ProcessClaimed') return { revision: e.revision, claim: e.data };
    }
  } catch (e) {
    if (!(e instanceof StreamNotFoundError)) throw e;
  }
  return undefined;
};

/**
 * A claim as an event at revision `at`. Its id derives from the process, that revision and the
 * claimant, so a retry is recognised and two instances' claims never pass for one retried (a
 * store that recognises a retry by id alone, as EventStoreDB does, would say both won).
 */
export const claimEvent = (
  data: Claimed['data'], at: bigint, actor: UserId,
): NewEvent<LedgerEvent> => {
  const commandId = stepId(data.processId, `claim-${at}-${data.claimant}`);
  const eventId = eventIdFor(commandId, 0);
  const metadata: LedgerMetadata = {
    eventId, commandId, actor,
    effectiveOn: data.on, schemaVersion: schemaVersionOf('ProcessClaimed'),
    commandType: 'ClaimProcess', commandHash: `${data.claimant} ${data.leaseUntil}`,
  };
  return { type: 'ProcessClaimed', data, metadata, eventId: eventUuid(eventId) };
};

/** The claim another instance holds, as reported. */
export const heldBy = (processId: string, last: NonNullable<Last>): HeldElsewhere =>
  ({ processId, claimant: last.claim.claimant, leaseUntil: last.claim.leaseUntil });

// One try: the last claim read, then this instance's appended after it unless another's
// lease runs; undefined: another claim was stored first (read again and try again).
const tryClaim = async (
  store: EventStore<LedgerEvent>, settings: ProcessClaimSettings,
  p: { readonly processId: CommandId; readonly on: BusinessDate; readonly actor: UserId },
): Promise<ClaimOutcome | undefined> => {
  const stream = processClaimStream(p.processId);
  const last = await lastClaim(store, stream);
  const now = settings.now();
  if (last !== undefined && last.claim.claimant !== settings.claimant
    && Date.parse(last.claim.leaseUntil) > now.getTime()
    && !settings.stopped(last.claim.claimant)) {
    return { kind: 'held', by: heldBy(p.processId, last) };
  }
  const leaseUntil = new Date(now.getTime() + settings.leaseMs).toISOString();
  const data: Claimed['data'] = { processId: p.processId, claimant: settings.claimant,
    leaseUntil, on: p.on };
  const at = last === undefined ? 0n : last.revision + 1n;
  try {
    const r = await store.appendToStream(stream, [claimEvent(data, at, p.actor)],
      { expectedRevision: last?.revision ?? 'no_stream' });
    // Answered with a claim of ours stored before, further on: read again.
    return r.nextExpectedRevision === at ? { kind: 'won', claim: { revision: at, leaseUntil } }
      : undefined;
  } catch (e) {
    if (e instanceof WrongExpectedVersionError || e instanceof EventIdConflictError) {
      return undefined;
    }
    throw e;
  }
};

// Tries before an instance whose claims keep meeting others' leaves the process to them.
const claimTries = 5;

/**
 * Claims an unfinished process before this instance completes it: appends ProcessClaimed to
 * `process-<id>` expecting the revision its last claim was read at, so of instances claiming
 * at once exactly one is stored. A claim by another instance whose lease has not run out (by
 * this instance's clock) is left alone; one run out is taken over the same way.
 */
export const claimProcess = async (
  store: EventStore<LedgerEvent>, settings: ProcessClaimSettings,
  p: { readonly processId: string; readonly record: ProcessRecord },
): Promise<ClaimOutcome> => {
  const { processId } = p;
  const { on, actor } = p.record.request;
  // A record that does not decode is reported as malformed by the resume, claimed or not.
  if (!CommandId.is(processId) || on === undefined || !DateString.is(on)
    || actor === undefined || !UserId.is(actor)) return { kind: 'won' };
  for (let n = 0; n < claimTries; n += 1) {
    const out = await tryClaim(store, settings, { processId, on, actor });
    if (out !== undefined) return out;
    // A store may refuse an append for a claim its reads do not show yet (an append in
    // flight): the next turn of the event loop reads again.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { kind: 'held', by: { processId, claimant: 'another instance', leaseUntil: '' } };
};
