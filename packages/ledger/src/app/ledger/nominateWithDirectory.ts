import * as E from 'fp-ts/lib/Either.js';
import { peekString, plainInput } from '@usha/domain';
import type { CommandOutcome } from '../commands/outcome.ts';
import { nomineeDetailsInput } from '../directory/directoryInput.ts';
import type { MemberDirectory } from '../directory/memberDirectory.ts';
import type { NomineeDetails } from '../directory/nomineeRecords.ts';
import { commandRefusal } from '../processes/processContext.ts';

/** A nominee named on an account: the NominateNominee fields and her details for the directory. */
export interface NominateRequest {
  readonly commandId: string;
  readonly actor: string;
  readonly on: string;
  readonly account: 'shares' | 'deposit';
  readonly accountId: string;
  readonly memberId: string;
  readonly nominee: NomineeDetails;
}

// Her details read into a plain copy first (no getter or proxy gets past it), then decoded;
// a refusal names the field, never the value given (directoryInput.ts).
const nomineeDetails = nomineeDetailsInput;

// A reference of the right shape, to check the command before the directory is written.
const placeholderRef = 'NOM-1';

/**
 * Records the nominee in the member directory, then names her on the account by her
 * reference. The directory comes first: a crash between the two leaves a directory record no
 * event names (harmless, and found again by the same commandId on a retry), never an event
 * naming a reference the directory lacks. A command that would not decode writes nothing.
 */
export const nominateWithDirectory = async (
  directory: MemberDirectory, execute: (input: unknown) => Promise<CommandOutcome>,
  input: NominateRequest,
): Promise<CommandOutcome> => {
  // The request read into a plain copy first: undefined, a proxy or a getter is refused below.
  const plain = plainInput(input);
  if (E.isLeft(plain)) {
    return { status: 'rejected', duplicate: false, commandId: peekString(input, ['commandId']),
      rejection: { type: 'invalid_command', message: plain.left.message, fields: [plain.left] } };
  }
  const p = plain.right;
  const r = (typeof p === 'object' && p !== null && !Array.isArray(p) ? p : {}) as
    unknown as NominateRequest;
  const data = { commandId: r.commandId, actor: r.actor, on: r.on, account: r.account,
    accountId: r.accountId, memberId: r.memberId };
  const checked = commandRefusal({ type: 'NominateNominee',
    data: { ...data, nomineeRef: placeholderRef } });
  const details = nomineeDetails(r.nominee);
  if (E.isLeft(checked)) {
    return { status: 'rejected', duplicate: false, ...checked.left };
  }
  if (E.isLeft(details)) {
    const fields = details.left.map((f) => ({ ...f, path: `nominee.${f.path}`,
      message: `nominee.${f.message}` }));
    return { status: 'rejected', duplicate: false, commandId: r.commandId, rejection: {
      type: 'invalid_command', message: fields.map((f) => f.message).join('; '), fields } };
  }
  const nomineeRef = await directory.putNominee(r.memberId, r.commandId, details.right);
  return execute({ type: 'NominateNominee', data: { ...data, nomineeRef } });
};
