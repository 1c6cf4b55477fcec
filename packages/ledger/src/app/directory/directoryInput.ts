import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  closed, CommandId, DateString, MemberId, plainInput, reportErrors, type FieldError,
} from '@usha/domain';
import { DirectoryFieldError } from './directoryErrors.ts';
import { MemberDetails } from './memberDetails.ts';
import type { NomineeDetails } from './nomineeRecords.ts';

// What a caller hands the directory, checked before anything is read or written: whatever the
// value (a getter, a proxy, a cycle), a refusal is a DirectoryFieldError naming the field, and
// a record is only ever written in the form the directory reads back.

/** The member id, or DirectoryFieldError. */
export const memberIdOf = (u: unknown): string => {
  if (typeof u === 'string' && MemberId.is(u)) return u;
  throw new DirectoryFieldError('(not a member id)', 'memberId', 'is not a member id');
};

/**
 * The fields of a refusal without the value given: what a member's or a nominee's details hold
 * is personal data (a phone number typed as a number, a name in the wrong field), and a refusal
 * is what an app logs. The field and what it expects are said; the value is not.
 */
export const fieldErrorsWithoutValues = (errors: t.Errors): ReadonlyArray<FieldError> =>
  reportErrors(errors).map((f) => ({ path: f.path, expected: f.expected, got: '(not shown)',
    message: `${f.path === '' ? '(root)' : f.path}: expected ${f.expected} `
      + '(the value given is not shown: it may be personal data)' }));

const refusal = (memberId: string, prefix: string, errors: t.Errors): DirectoryFieldError => {
  const [first] = fieldErrorsWithoutValues(errors);
  const path = first?.path ?? '';
  return new DirectoryFieldError(memberId, path === '' ? prefix : `${prefix}.${path}`,
    first === undefined ? 'is not valid' : `expected ${first.expected} (the value given is `
      + 'not shown: it may be personal data)');
};

/** Her details as the directory stores them (read into a plain copy first), or the error. */
export const memberDetailsOf = (memberId: string, u: unknown): MemberDetails => {
  const plain = plainInput(u);
  if (E.isLeft(plain)) throw new DirectoryFieldError(memberId, 'details', plain.left.message);
  const d = MemberDetails.decode(plain.right);
  if (E.isRight(d)) return d.right;
  throw refusal(memberId, 'details', d.left);
};

// Only the fields a nominee's details name: a stray `address` is refused, not stored unseen.
const NomineeInput = closed({ name: t.string, relationship: t.string }, 'NomineeDetails');
const NomineeWithContact = closed({ name: t.string, relationship: t.string,
  contact: t.string }, 'NomineeDetails');

/** A nominee's details read into a plain copy and decoded, or the fields refused (no values). */
export const nomineeDetailsInput = (u: unknown):
  E.Either<ReadonlyArray<FieldError>, NomineeDetails> => {
  const plain = plainInput(u);
  if (E.isLeft(plain)) return E.left([plain.left]);
  const p = plain.right;
  const codec = typeof p === 'object' && p !== null && Object.hasOwn(p, 'contact')
    ? NomineeWithContact : NomineeInput;
  return E.mapLeft(fieldErrorsWithoutValues)(codec.decode(p));
};

/** A nominee's details, or DirectoryFieldError naming the field (never its value). */
export const nomineeDetailsOf = (memberId: string, u: unknown): NomineeDetails => {
  const d = nomineeDetailsInput(u);
  if (E.isRight(d)) return d.right;
  const [first] = d.left;
  const path = first?.path ?? '';
  throw new DirectoryFieldError(memberId, path === '' ? 'nominee' : `nominee.${path}`,
    first?.message.replace(/^[^:]*: /, '') ?? 'is not a nominee\'s details');
};

/** The id of the command that names a nominee, or DirectoryFieldError. */
export const nomineeCommandIdOf = (memberId: string, u: unknown): string => {
  if (typeof u === 'string' && CommandId.is(u)) return u;
  throw new DirectoryFieldError(memberId, 'commandId', 'is not a command id');
};

/** The day she is forgotten ('YYYY-MM-DD'), or the error. */
export const forgottenOnOf = (memberId: string, u: unknown): string => {
  if (typeof u === 'string' && E.isRight(DateString.decode(u))) return u;
  throw new DirectoryFieldError(memberId, 'on', 'is not a date (YYYY-MM-DD)');
};
