import type { ProductCatalogue, SignedMoneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { Backoff } from '../commands/backoff.ts';
import type { MemberDirectory } from '../directory/memberDirectory.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { CheckpointStore } from '../runner/checkpointStore.ts';
import type { RunnableProjection } from '../runner/runnableProjection.ts';

/** How a Ledger is made. */
export interface LedgerOptions<S> {
  /** Any store of the port, opened with `ledgerEventSchema` (memory, file, EventStoreDB). */
  readonly store: EventStore<LedgerEvent>;
  /** The products, as data; decoded with the domain's `ProductCatalogue` codec. */
  readonly products: ProductCatalogue | unknown;
  /** Where names, phones and addresses live; without it the Ledger holds none. */
  readonly directory?: MemberDirectory;
  /** The projection the runner keeps (a `combine(...)`); without it, no runner. */
  readonly projection?: RunnableProjection<S>;
  /** Where the runner keeps its checkpoint; in memory (rebuilt at open) by default. */
  readonly checkpoints?: CheckpointStore;
  /** Save a checkpoint after this many events; default 1000. */
  readonly checkpointEveryEvents?: number;
  /** Net profit of a financial year, for CloseFinancialYear (from the income statement). */
  readonly netProfit?: (financialYear: string, projection: S | undefined) =>
    SignedMoneyString | Promise<SignedMoneyString>;
  /** Wait between attempts after a concurrent write; exponential with jitter by default. */
  readonly backoff?: Backoff;
  /** Attempts before `concurrency_conflict`; default 10. */
  readonly maxAttempts?: number;
}

/** Products that are not a catalogue: each field at fault. */
export class InvalidProductsError extends Error {
  override readonly name = 'InvalidProductsError';
}
