import * as E from 'fp-ts/lib/Either.js';
import {
  decodeCommand, ProductCatalogue, reportErrors, type ProductCatalogue as Products,
} from '@usha/domain';
import type { Position } from '../../eventStore/position.ts';
import { exportEventLog, type ExportResult } from '../../file/exportLog.ts';
import { aggregateDecider } from '../commands/aggregateDecider.ts';
import { exponentialBackoff } from '../commands/backoff.ts';
import { createCommandHandler } from '../commands/commandHandler.ts';
import { commandIndex } from '../commands/commandIndex.ts';
import { fillFacts } from '../commands/fillFacts.ts';
import { withPlaceholders } from '../commands/ledgerFilled.ts';
import { memberIndex } from '../commands/memberIndex.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { rejectionMemo } from '../commands/rejectionMemo.ts';
import type { DirectoryEntry, MemberDetails } from '../directory/memberDirectory.ts';
import { ledgerEventSchema, type StreamEvent } from '../log/ledgerEvent.ts';
import { memoryCheckpointStore } from '../runner/checkpointStore.ts';
import { createProjectionRunner, type ProjectionRunner } from '../runner/projectionRunner.ts';
import { closeFinancialYear, type CloseYearRequest } from '../processes/closeFinancialYear.ts';
import { creditDividends, type CreditDividendsRequest } from '../processes/creditDividends.ts';
import type { ProcessContext } from '../processes/processContext.ts';
import type { ProcessOutcome } from '../processes/processOutcome.ts';
import { repayFromSavings, type RepayFromSavingsRequest } from '../processes/repayFromSavings.ts';
import { commandMethods, type CommandMethods } from './commandMethods.ts';
import { InvalidProductsError, type LedgerOptions } from './ledgerOptions.ts';
import { scanLog } from './scanLog.ts';

/** The Ledger an app imports: commands, processes, the projections, the member directory. */
export interface Ledger<S> extends CommandMethods {
  /** Any command as raw input `{ type, data }`: decoded here, its outcome a value. */
  readonly execute: (input: unknown) => Promise<CommandOutcome>;
  readonly repayFromSavings: (r: RepayFromSavingsRequest) => Promise<ProcessOutcome>;
  readonly creditDividends: (r: CreditDividendsRequest) => Promise<ProcessOutcome>;
  readonly closeFinancialYear: (r: CloseYearRequest) => Promise<ProcessOutcome>;
  /** The projection's state once it has applied everything up to `position` (if given). */
  readonly projection: (options?: { readonly after?: Position }) => Promise<S>;
  /** Resolves once the projections have applied everything up to `position`. */
  readonly waitFor: (position: Position) => Promise<void>;
  readonly runner: ProjectionRunner<S> | undefined;
  /** Keeps a member's personal data in the directory (never in the log). */
  readonly registerMember: (memberId: string, details: MemberDetails) => Promise<void>;
  /** What the directory holds for a member: present, forgotten, or absent. */
  readonly memberDetails: (memberId: string) => Promise<DirectoryEntry>;
  /** Destroys a member's data key: her details become unreadable; her history stays. */
  readonly forgetMember: (memberId: string, on: string) => Promise<void>;
  /** Writes the log, hash-chained, for auditors: events only, never directory data. */
  readonly exportForAuditors: (file: string) => Promise<ExportResult>;
  /** Stops the runner and saves its checkpoint (the store stays open: it is the caller's). */
  readonly close: () => Promise<void>;
  readonly products: Products;
}

const decodeProducts = (u: unknown): Products => {
  const p = ProductCatalogue.decode(u);
  if (E.isLeft(p)) {
    throw new InvalidProductsError(reportErrors(p.left).map((f) => f.message).join('; '));
  }
  return p.right;
};

/**
 * Opens the Ledger over a store: reads the log once (the stored commands, each member's
 * streams), starts the projection runner if a projection is given, and returns the methods.
 * @example const ledger = await createLedger({ store, products })
 *   const o = await ledger.withdraw({ commandId: 'c-1', actor: 'u1', on: '2025-04-02',
 *     accountId: 'SB-1', amount: '500' })
 */
export const createLedger = async <S = undefined>(o: LedgerOptions<S>): Promise<Ledger<S>> => {
  const products = decodeProducts(o.products);
  const commands = commandIndex();
  const members = memberIndex();
  const observe = (e: StreamEvent) => { commands.observe(e); members.observe(e); };
  await scanLog(o.store, observe);
  const decider = aggregateDecider(products);
  const handler = createCommandHandler({
    store: o.store, decider, commands, observe, memo: rejectionMemo(),
    backoff: o.backoff ?? exponentialBackoff(), maxAttempts: o.maxAttempts,
  });
  const runner = o.projection === undefined ? undefined : createProjectionRunner({
    store: o.store, projection: o.projection,
    checkpoints: o.checkpoints ?? memoryCheckpointStore(),
    checkpointEveryEvents: o.checkpointEveryEvents,
  });
  await runner?.start();
  const waitFor = (p: Position) => runner?.waitFor(p) ?? Promise.resolve();
  const projection = async (opts: { after?: Position } = {}): Promise<S> => {
    if (runner === undefined) throw new Error('the Ledger was opened without a projection');
    if (opts.after !== undefined) await runner.waitFor(opts.after);
    return runner.state();
  };
  const netProfit = async (fy: string) => {
    if (o.netProfit === undefined) throw new Error('CloseFinancialYear needs netProfit');
    return o.netProfit(fy, runner?.state());
  };
  const fill = fillFacts({ store: o.store, states: handler.states, members, products, netProfit });
  const execute = async (input: unknown): Promise<CommandOutcome> => {
    const c = decodeCommand(withPlaceholders(input));
    if (E.isLeft(c)) {
      const commandId: unknown = Reflect.get(Object(Reflect.get(Object(input), 'data')),
        'commandId');
      return { status: 'rejected', duplicate: false,
        commandId: typeof commandId === 'string' ? commandId : undefined,
        rejection: { type: 'invalid_command', message: c.left.message, fields: c.left.fields } };
    }
    return handler.handle(c.right, { fill });
  };
  const ctx: ProcessContext = {
    store: o.store, handler, decider, commands, members, products, fill, waitFor,
  };
  const directory = () => {
    if (o.directory === undefined) throw new Error('the Ledger was opened without a directory');
    return o.directory;
  };
  return {
    ...commandMethods((type, data) => execute({ type, data })),
    execute,
    repayFromSavings: (r) => repayFromSavings(ctx, r),
    creditDividends: (r) => creditDividends(ctx, r),
    closeFinancialYear: (r) => closeFinancialYear(ctx, r),
    projection, waitFor, runner,
    registerMember: (id, d) => directory().put(id, d),
    memberDetails: (id) => directory().get(id),
    forgetMember: (id, on) => directory().forget(id, on),
    exportForAuditors: (file) =>
      exportEventLog({ store: o.store, schema: ledgerEventSchema, file }),
    close: async () => { await runner?.stop(); },
    products,
  };
};
