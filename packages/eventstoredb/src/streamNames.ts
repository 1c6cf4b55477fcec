// Port stream names and EventStoreDB stream names. A store may live under a prefix (several
// ledgers, or test runs, sharing one database); system streams and events (`$`) are never ours.
import type { ClientRecordedEvent } from './eventStoreClient.ts';

/** Maps names both ways and tells which recorded events belong to the store. */
export interface StreamNames {
  readonly toServer: (stream: string) => string;
  readonly fromServer: (serverName: string) => string;
  readonly isOurs: (event: ClientRecordedEvent) => boolean;
  /** Where command-id claims live (see commandClaims.ts): never one of the Ledger's streams. */
  readonly claimCategory: string;
}

// No stream the domain names starts so: its categories are plain words followed by `-`.
const claimCategory = 'usha.command-claim-';

/** Names under `prefix` ('' for none). */
export const streamNames = (prefix: string): StreamNames => ({
  toServer: (stream) => `${prefix}${stream}`,
  fromServer: (serverName) => serverName.slice(prefix.length),
  isOurs: (e) => !e.type.startsWith('$') && !e.streamId.startsWith('$') &&
    e.streamId.startsWith(prefix) && !e.streamId.startsWith(`${prefix}${claimCategory}`),
  claimCategory,
});
