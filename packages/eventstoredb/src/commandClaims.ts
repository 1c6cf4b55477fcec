// Command-id claims on EventStoreDB. Its event ids are unique per stream only, so one command id
// could otherwise be stored in two streams (or by two app instances). A claim is the first event
// of a stream named after the command id, appended with expected revision no_stream: the server
// lets exactly one claim in, whichever instance sends it, and keeps it. Claim streams are not the
// Ledger's events: reads and subscriptions skip them (see streamNames.ts).
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { eventUuid, type CommandClaim } from '@usha/ledger';
import { isClientError } from './eventStoreClient.ts';
import type { EventStoreClient } from './eventStoreClient.ts';
import { mapError } from './mapError.ts';
import type { StreamNames } from './streamNames.ts';

/** The type of a claim event. */
export const claimEventType = 'CommandClaimed';

const Claim = t.type({
  commandId: t.string, commandType: t.string, stream: t.string, commandHash: t.string,
});

// The stream of a command id's claim: a SHA-256 of the id, so any id gives a short, valid name.
const claimStream = (names: StreamNames, commandId: string): string =>
  names.toServer(`${names.claimCategory}${createHash('sha256').update(commandId)
    .digest('hex')}`);

// The claim's event id derives from the request, so a claim resent after a lost answer is
// deduplicated by the server rather than read as another request's (a UUID v5, as the
// Ledger's own event ids are).
const claimEventId = (c: CommandClaim): string =>
  eventUuid(`claim\n${c.commandId}\n${c.stream}\n${c.commandHash}`);

/** A claim that is not a claim: the claim stream holds something else. */
export class ClaimCorruptError extends Error {
  override readonly name = 'ClaimCorruptError';
}

// Read to the end (one event), not left early: a read call abandoned midway is left open on
// the connection, and the client's dispose then waits for it.
const readClaim = async (client: EventStoreClient, stream: string): Promise<CommandClaim> => {
  const found: unknown[] = [];
  for await (const resolved of client.readStream(stream, { maxCount: 1 })) {
    found.push(resolved.event?.data);
  }
  const claim = Claim.decode(found[0]);
  if (E.isRight(claim)) return claim.right;
  throw new ClaimCorruptError(found.length === 0
    ? `${stream}: no claim, though the server said it exists`
    : `${stream}: its first event is not a command claim`);
};

/**
 * Claims `claim.commandId` for the request `claim` describes: returns the claim that holds, this
 * one if it was first (or is the same request again), else the earlier one.
 */
export const claimCommandId = async (
  client: EventStoreClient, names: StreamNames, claim: CommandClaim,
): Promise<CommandClaim> => {
  const stream = claimStream(names, claim.commandId);
  const data = {
    commandId: claim.commandId, commandType: claim.commandType, stream: claim.stream,
    commandHash: claim.commandHash,
  };
  try {
    await client.appendToStream(stream, [{
      id: claimEventId(claim), type: claimEventType, contentType: 'application/json', data,
      metadata: undefined,
    }], { expectedRevision: 'no_stream', streamState: 'no_stream' });
    return data;
  } catch (e) {
    if (!isClientError(e, 'wrong-expected-version')) throw mapError(e, { stream });
  }
  try {
    return await readClaim(client, stream);
  } catch (e) {
    if (e instanceof ClaimCorruptError) throw e;
    throw mapError(e, { stream, reading: true });
  }
};
