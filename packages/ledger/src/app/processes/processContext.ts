import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  amountTooLarge, decodeCommand, peekString, plainInput, reportErrors,
  type Command, type CommandId, type ProductCatalogue,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { Position } from '../../eventStore/position.ts';
import type { AggregateDecider } from '../commands/aggregateDecider.ts';
import type { CommandHandler } from '../commands/commandHandler.ts';
import type { FillFacts } from '../commands/fetchFacts.ts';
import type { CommandIndex } from '../commands/commandIndex.ts';
import type { MemberIndex } from '../commands/memberIndex.ts';
import type { CommandOutcome, LedgerRejection } from '../commands/outcome.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { AccruedInterest, AccruedInterestOptions } from '../reports/accruedInterest.ts';
import type { ProcessIndex } from './processIndex.ts';
import type { RunningProcess } from './processRecord.ts';
import { keepClaim, type RunningClaims } from './runningClaim.ts';

/** What a process works with: the command handler and what the Ledger knows. */
export interface ProcessContext {
  readonly store: EventStore<LedgerEvent>;
  readonly handler: CommandHandler;
  readonly decider: AggregateDecider;
  readonly commands: CommandIndex;
  readonly members: MemberIndex;
  readonly processes: ProcessIndex;
  readonly products: ProductCatalogue;
  readonly fill: FillFacts;
  /** Resolves once the projections have applied everything up to `position`. */
  readonly waitFor: (position: Position) => Promise<void>;
  /**
   * Reads what other writers (other Ledgers over the store) stored since this one last looked,
   * into its indexes: a process that runs over every member or account reads it first.
   */
  readonly catchUp?: () => Promise<void>;
  /** The accrued-interest report (the year-end accruals of a close are its figures). */
  readonly accruedInterest: (o: AccruedInterestOptions) => Promise<AccruedInterest>;
  /** This instance's claims on the processes it runs (runningClaim.ts); none: unclaimed. */
  readonly claims?: RunningClaims;
}

/** Why a command input is refused before any decider: not a command, or an amount too large. */
export const commandRefusal = (
  input: unknown,
): E.Either<{ readonly commandId: string | undefined; readonly rejection: LedgerRejection },
  Command> => {
  const c = decodeCommand(input);
  if (E.isLeft(c)) {
    return E.left({ commandId: c.left.commandId, rejection: {
      type: 'invalid_command', message: c.left.message, fields: c.left.fields } });
  }
  const tooLarge = amountTooLarge(c.right);
  return tooLarge === undefined ? c
    : E.left({ commandId: c.right.data.commandId, rejection: tooLarge });
};

/** Decodes a step's command (its facts are read when it is handled). */
export const stepCommand = (input: unknown): E.Either<LedgerRejection, Command> =>
  E.mapLeft((r: { readonly rejection: LedgerRejection }) => r.rejection)(commandRefusal(input));

/**
 * Decodes a process request: read into a plain copy first (so no getter, proxy or cycle can
 * throw), then by its closed codec (so a stray `name` or `phone` is refused, not ignored).
 */
export const decodeRequest = <A>(
  codec: t.Type<A, unknown, unknown>, input: unknown,
): E.Either<{ readonly processId: string; readonly rejection: LedgerRejection }, A> => {
  const processId = peekString(input, ['commandId']) ?? '';
  const plain = plainInput(input);
  const r = E.isLeft(plain) ? undefined : codec.decode(plain.right);
  if (r !== undefined && E.isRight(r)) return r;
  const fields = r === undefined ? (E.isLeft(plain) ? [plain.left] : []) : reportErrors(r.left);
  const message = `${codec.name}: ${fields.map((f) => f.message).join('; ')}`;
  return E.left({ processId, rejection: { type: 'invalid_command', message, fields } });
};

/**
 * Runs one step of a process: decoded, claimed, facts filled, stored with the process id. The
 * first step the log holds of a process carries its record (so the Ledger can complete it at
 * open); the step marked `end` carries `processEnd`. ProcessTakenOverError (runningClaim.ts):
 * another instance holds the process, and this step was not run.
 */
export const runStep = async (
  ctx: ProcessContext, p: RunningProcess & { readonly id: CommandId }, input: unknown,
  options: { readonly end?: boolean } = {},
): Promise<CommandOutcome> => {
  const c = stepCommand(input);
  if (E.isLeft(c)) return { status: 'rejected', commandId: undefined, rejection: c.left,
    duplicate: false };
  // Claimed (or the claim renewed) before the step: throws, running nothing, when another
  // instance has taken the process over.
  await keepClaim(ctx, p);
  const started = ctx.processes.get(p.id)?.record !== undefined;
  return ctx.handler.handle(c.right, {
    processId: p.id, fill: ctx.fill, ...(started ? {} : { processStart: p.record }),
    ...(options.end === true ? { processEnd: true } : {}),
  });
};
