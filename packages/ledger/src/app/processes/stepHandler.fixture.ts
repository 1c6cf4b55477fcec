// Test support: a bare command handler over the store (no process, no authorisation), how a
// step of a process reaches the store, to set up what a process (or an older version) left.
import * as E from 'fp-ts/lib/Either.js';
import { CommandId, decodeCommand, type Command, type ProductCatalogue } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { aggregateDecider } from '../commands/aggregateDecider.ts';
import { noBackoff } from '../commands/backoff.ts';
import { createCommandHandler } from '../commands/commandHandler.ts';
import type { CommandOutcome } from '../commands/outcome.ts';
import { plainCommandIndex } from '../commands/plainCommandIndex.ts';
import { rejectionMemo } from '../commands/rejectionMemo.ts';
import { products } from '../testSupport.ts';

const commandIdOf = (id: string): CommandId => {
  if (!CommandId.is(id)) throw new Error(`${id} is no command id`);
  return id;
};

const commandOf = (input: unknown): Command => {
  const c = decodeCommand(input);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};

/** Sends `input` as a step of process `processId`, as the process's own runStep would. */
export const sendAsStep = (
  store: EventStore<LedgerEvent>, input: unknown, processId: string,
  catalogue: ProductCatalogue = products,
): Promise<CommandOutcome> => {
  const commands = plainCommandIndex();
  const handler = createCommandHandler({ store, decider: aggregateDecider(catalogue), commands,
    observe: (e) => commands.observe(e), memo: rejectionMemo(), backoff: noBackoff });
  return handler.handle(commandOf(input), { processId: commandIdOf(processId) });
};
