import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { NomineeRef, nomineeRefFor } from '@usha/domain';

/** A nominee's personal data: kept in the member's directory record, never in the log. */
export const NomineeDetails = t.intersection([
  t.type({ name: t.string, relationship: t.string }),
  t.partial({ contact: t.string }),
], 'NomineeDetails');
export type NomineeDetails = t.TypeOf<typeof NomineeDetails>;

/** A nominee as the record keeps her: her details and the command that named her. */
const StoredNominee = t.intersection([
  NomineeDetails, t.type({ commandId: t.string }),
], 'StoredNominee');
type StoredNominee = t.TypeOf<typeof StoredNominee>;

/** A member's nominees in her record, by reference (`NOM-1`, `NOM-2`, ...). */
export const StoredNominees = t.record(t.string, StoredNominee, 'StoredNominees');
export type StoredNominees = t.TypeOf<typeof StoredNominees>;

/** What the directory holds of a member's nominees, by reference. */
export type NomineesEntry =
  | { readonly status: 'present'; readonly nominees: Readonly<Record<string, NomineeDetails>> }
  | { readonly status: 'forgotten'; readonly forgottenOn: string }
  | { readonly status: 'absent' };

/** The nominees a sealed record's JSON holds (none in a record written before nominees). */
export const nomineesIn = (json: unknown): StoredNominees => {
  const held: unknown = typeof json === 'object' && json !== null
    ? Reflect.get(json, 'nominees') : undefined;
  if (held === undefined) return {};
  const r = StoredNominees.decode(held);
  if (E.isLeft(r)) throw new Error('the nominees of a directory record are not readable');
  return r.right;
};

/** Only the fields a nominee's details name: a stray field is not stored. */
const detailsOnly = (d: NomineeDetails): NomineeDetails => ({
  name: d.name, relationship: d.relationship,
  ...(d.contact === undefined ? {} : { contact: d.contact }),
});

/**
 * The nominees with `details` added for the command `commandId`, and her reference. The same
 * command again finds the reference it was given (a retry after a crash records no second
 * nominee); a new one takes the next number.
 */
export const withNominee = (
  held: StoredNominees, commandId: string, details: NomineeDetails,
): { readonly ref: NomineeRef; readonly nominees: StoredNominees; readonly added: boolean } => {
  for (const [ref, n] of Object.entries(held)) {
    if (n.commandId === commandId && NomineeRef.is(ref)) {
      return { ref, nominees: held, added: false };
    }
  }
  const ref = nomineeRefFor(Object.keys(held).length + 1);
  return { ref, added: true,
    nominees: { ...held, [ref]: { ...detailsOnly(details), commandId } } };
};

/** The nominees' details as the directory gives them (the command ids left out). */
export const nomineesOf = (held: StoredNominees): Readonly<Record<string, NomineeDetails>> =>
  Object.fromEntries(Object.entries(held).map(([ref, n]) => [ref, detailsOnly(n)]));
