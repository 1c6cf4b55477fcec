import type { ProductCatalogue, SignedMoneyString } from '@usha/domain';
import type { ChartOfAccounts } from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { Backoff } from '../commands/backoff.ts';
import type { MemberDirectory } from '../directory/memberDirectory.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { ProcessClaimSettings } from '../processes/processClaim.ts';
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
  /** Where the runner keeps its checkpoint; none by default (the projection rebuilt at open). */
  readonly checkpoints?: CheckpointStore;
  /** Save a checkpoint after this many events; default 1000. */
  readonly checkpointEveryEvents?: number;
  /**
   * An override of the net profit CloseFinancialYear closes on. By default the Ledger takes it
   * from the income statement of its own books (every event stored so far); give this only when
   * the general body adopts another figure (audit adjustments booked outside this ledger).
   */
  readonly netProfit?: (financialYear: string, projection: S | undefined) =>
    SignedMoneyString | Promise<SignedMoneyString>;
  /** The chart of accounts of the books the queries read; `defaultChartOfAccounts` if omitted. */
  readonly chart?: ChartOfAccounts;
  /** Whose passbooks the queries keep line by line; every member's when omitted. */
  readonly passbookMembers?: ReadonlyArray<string>;
  /** Where the report runner keeps its checkpoint; in memory (rebuilt at first query) if none. */
  readonly reportCheckpoints?: CheckpointStore;
  /** Wait between attempts after a concurrent write; exponential with jitter by default. */
  readonly backoff?: Backoff;
  /** Complete processes left unfinished in the log when opening; default true. */
  readonly resume?: boolean;
  /** How this instance claims the processes it starts or resumes (runningClaim.ts). */
  readonly processClaims?: Partial<ProcessClaimSettings>;
  /** Attempts before `concurrency_conflict`; default 10. */
  readonly maxAttempts?: number;
  /**
   * The most aggregate states held folded in memory, the least recently used let go first
   * (folded again from the store when next needed); default 4096, 0: none. A whole number
   * from 0 to 1,048,576, else StateCacheEntriesError.
   */
  readonly stateCacheEntries?: number;
  /**
   * Refuse every command, except the appointment of a first board member, while no staff is
   * appointed; default false: a log with no staff register takes commands from anyone until
   * the first appointment (docs/concepts/staff-and-roles.md).
   */
  readonly requireStaff?: boolean;
  /**
   * Where the Ledger keeps its indexes between opens, so that an open reads only the events stored
   * after them: written every `everyEvents` events it reads or appends (default 50,000), and by
   * `close()` when at least `onCloseAfterEvents` (default 5,000; 0: always) events are after the
   * last one in the log, its own appends included: after fewer, the next open reads those instead
   * (and writes one beside the first commands if it read half that many or more), so a restart
   * costs what changed, not a checkpoint of the whole history. `file` by default
   * `<log>.ledger-index` beside a file store's log; for other stores none unless given. `false`:
   * none (every open reads the whole log). A cache, never a record: a checkpoint that is missing,
   * damaged or of another log is set aside and the log read whole. A field that cannot be used is
   * refused with IndexCheckpointOptionError.
   *
   * On a signed file store the Ledger also keeps, in `<file>.states`, the folded states of the
   * long streams it held (a branch's till movements, a daily saver's account), signed with the
   * writer's key, written with each checkpoint and at every close: the first command on such a
   * stream after a restart reads what it gained since, not all of it. `stateBytes` bounds the
   * text kept (default 8 MiB, the states most recently used first; 0: none kept). See
   * docs/concepts/kept-states.md for when a kept state is used, and `restoredStates`.
   */
  readonly indexCheckpoint?: {
    readonly file?: string;
    readonly everyEvents?: number;
    readonly onCloseAfterEvents?: number;
    readonly stateBytes?: number;
  } | false;
}

/** Products that are not a catalogue: each field at fault. */
/** Options of `createLedger` that are no object, or a field that cannot be read. */
export class LedgerOptionsError extends TypeError {
  override readonly name = 'LedgerOptionsError';
  constructor(readonly field: string, readonly reason: string) {
    super(field === '' ? `createLedger options: ${reason}`
      : `createLedger option ${field}: ${reason}`);
  }
}

/** The fields of LedgerOptions, each read once by `createLedger`. */
export const ledgerOptionNames = [
  'store', 'products', 'directory', 'projection', 'checkpoints', 'checkpointEveryEvents',
  'netProfit', 'chart', 'passbookMembers', 'reportCheckpoints', 'backoff', 'resume',
  'processClaims', 'maxAttempts', 'stateCacheEntries', 'requireStaff', 'indexCheckpoint',
] as const satisfies ReadonlyArray<keyof LedgerOptions<unknown>>;

export class InvalidProductsError extends Error {
  override readonly name = 'InvalidProductsError';
}

/** A directory method called on a Ledger opened without `directory`. */
export class NoDirectoryError extends Error {
  override readonly name = 'NoDirectoryError';
  constructor(readonly method: string) {
    super(`${method}: the Ledger was opened without a member directory; pass \`directory\` ` +
      '(from openMemberDirectory) to createLedger');
  }
}
