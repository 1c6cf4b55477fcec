import * as E from 'fp-ts/lib/Either.js';
import { routeCommand } from '@usha/domain';
import { stepCommand, type ProcessContext } from './processContext.ts';

/**
 * Whether a process's step is stored, by this Ledger or any other over the store. The step's
 * stream is read first when this Ledger's command index does not know it: reading a stream
 * shows the index what another Ledger stored there, so a request retried on an instance
 * opened before the first run finished is answered as run (its outcome), not tried again as
 * new against the state the run left (a withdrawal then short of balance, a loan closed).
 */
export const stepStored = async (ctx: ProcessContext, input: unknown): Promise<boolean> => {
  const c = stepCommand(input);
  if (E.isLeft(c)) return false;
  const id = c.right.data.commandId;
  if (ctx.commands.get(id) !== undefined) return true;
  const route = routeCommand(c.right);
  await ctx.handler.states.load(route.stream, route.aggregate);
  return ctx.commands.get(id) !== undefined;
};
