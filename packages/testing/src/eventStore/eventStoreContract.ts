import { suite } from 'uvu';
import { contractConcurrency } from './contractConcurrency.ts';
import { contractConditions } from './contractConditions.ts';
import { contractExamples } from './contractExamples.ts';
import { contractModel } from './contractModel.ts';
import type { StoreFactory } from './storeFactory.ts';

/** How hard the property parts of the contract push; lower it for slow stores. */
export interface ContractOptions {
  readonly modelRuns?: number;
  readonly raceRuns?: number;
}

/**
 * Runs the event-store contract against one store: examples of every rule of the port, a
 * model-based test (`fc.commands`) and a race of writers (`fc.scheduler`). Every store must pass.
 * @example eventStoreContract('in-memory', { create: async (o) => inMemoryEventStore(o) })
 */
export const eventStoreContract = (
  name: string,
  factory: StoreFactory,
  options: ContractOptions = {},
): void => {
  const test = suite(`event store contract: ${name}`);
  contractExamples(test, factory);
  contractModel(test, factory, options.modelRuns ?? 60);
  contractConcurrency(test, factory, options.raceRuns ?? 60);
  contractConditions(test, factory, options.raceRuns ?? 60);
  test.after(async () => {
    await factory.cleanup?.();
  });
  test.run();
};
