import {
  DateString, processClaimStream, UserId, type CommandId, type ProcessClaimed as Claimed,
} from '@usha/domain';
import { EventIdConflictError, WrongExpectedVersionError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import {
  claimEvent, claimProcess, heldBy, lastClaim, type HeldElsewhere, type OwnClaim,
  type ProcessClaimSettings,
} from './processClaim.ts';
import type { ProcessIndex } from './processIndex.ts';
import type { RunningProcess } from './processRecord.ts';

/**
 * Another instance holds the claim on a process this instance was running (or was about to
 * start): this instance ran no step after finding it, and leaves the rest to that one.
 */
export class ProcessTakenOverError extends Error {
  override readonly name = 'ProcessTakenOverError';
  constructor(readonly by: HeldElsewhere) {
    super(`process ${by.processId} is claimed by ${by.claimant}` + (by.leaseUntil === ''
      ? '' : ` until ${by.leaseUntil}`) + ': this instance runs no more of its steps');
  }
}

type Kept = { readonly claim: OwnClaim } | { readonly claim: undefined };

/** What an instance keeps of the claims on the processes it runs. */
export interface RunningClaims {
  readonly settings: ProcessClaimSettings;
  /** Claims won at open for the processes being resumed, taken by their first step. */
  readonly handedOver: Map<string, OwnClaim>;
  // Keyed by the process's record object, which each process makes once per run and passes to
  // every step: a run's claim lasts as long as the run, and two runs of one id keep apart.
  readonly kept: WeakMap<RunningProcess, Kept>;
}

/** An instance's claims on the processes it runs, none yet. */
export const runningClaims = (settings: ProcessClaimSettings): RunningClaims =>
  ({ settings, handedOver: new Map(), kept: new WeakMap() });

/** What keeping a claim reads: the store, the processes the log shows, and catching up. */
export interface ClaimContext {
  readonly store: EventStore<LedgerEvent>;
  readonly processes: ProcessIndex;
  readonly catchUp?: () => Promise<void>;
  readonly claims?: RunningClaims;
}

type Who = { readonly on: Claimed['data']['on']; readonly actor: UserId };

// The claim's date and actor, from the request (a request that does not decode runs no step).
const whoOf = (p: RunningProcess): Who | undefined => {
  const { on, actor } = p.record.request;
  return on !== undefined && DateString.is(on) && actor !== undefined && UserId.is(actor)
    ? { on, actor } : undefined;
};

// The first step of a run: the claim won at open, or one claimed now. A process the log shows
// ended is not claimed (its steps are only recognised again, nothing is written).
const firstClaim = async (
  ctx: ClaimContext, c: RunningClaims, p: RunningProcess,
): Promise<Kept> => {
  const handed = c.handedOver.get(p.id);
  if (handed !== undefined) {
    c.handedOver.delete(p.id);
    return { claim: handed };
  }
  if (ctx.processes.get(p.id)?.ended === true) return { claim: undefined };
  const out = await claimProcess(ctx.store, c.settings, { processId: p.id, record: p.record });
  if (out.kind === 'won') return { claim: out.claim };
  // Held: the other instance may have ended it since this one last read the log.
  await ctx.catchUp?.();
  if (ctx.processes.get(p.id)?.ended === true) return { claim: undefined };
  throw new ProcessTakenOverError(out.by);
};

// Appends a renewed claim expecting the revision of this instance's last one; another claim
// stored after it means the lease ran out and another instance took the process over.
const renew = async (
  store: EventStore<LedgerEvent>, settings: ProcessClaimSettings,
  p: RunningProcess & { readonly id: CommandId }, own: OwnClaim, who: Who,
): Promise<OwnClaim> => {
  const stream = processClaimStream(p.id);
  const leaseUntil = new Date(settings.now().getTime() + settings.leaseMs).toISOString();
  const data: Claimed['data'] = { processId: p.id, claimant: settings.claimant, leaseUntil,
    on: who.on };
  const at = own.revision + 1n;
  try {
    const r = await store.appendToStream(stream, [claimEvent(data, at, who.actor)],
      { expectedRevision: own.revision });
    if (r.nextExpectedRevision === at) return { revision: at, leaseUntil };
  } catch (e) {
    if (!(e instanceof WrongExpectedVersionError || e instanceof EventIdConflictError)) throw e;
  }
  const last = await lastClaim(store, stream);
  if (last?.claim.claimant === settings.claimant) {
    return { revision: last.revision, leaseUntil: last.claim.leaseUntil };
  }
  throw new ProcessTakenOverError(last === undefined
    ? { processId: p.id, claimant: 'another instance', leaseUntil: '' } : heldBy(p.id, last));
};

/**
 * Keeps this instance's claim on a process it runs, before each step: claims it before the
 * first (or takes the claim won at open), renews it when less than half its lease remains,
 * and throws ProcessTakenOverError, before the step, when another instance holds it.
 */
export const keepClaim = async (
  ctx: ClaimContext, p: RunningProcess & { readonly id: CommandId },
): Promise<void> => {
  const c = ctx.claims;
  if (c === undefined) return;
  let k = c.kept.get(p);
  if (k === undefined) {
    k = await firstClaim(ctx, c, p);
    c.kept.set(p, k);
  }
  const who = whoOf(p);
  if (k.claim === undefined || who === undefined) return;
  const leftMs = Date.parse(k.claim.leaseUntil) - c.settings.now().getTime();
  if (leftMs * 2 >= c.settings.leaseMs) return;
  c.kept.set(p, { claim: await renew(ctx.store, c.settings, p, k.claim, who) });
};
