import * as E from 'fp-ts/lib/Either.js';
import { DateString, MemberId, plainInput, reportErrors } from '@usha/domain';
import { DirectoryFieldError } from './directoryErrors.ts';
import { MemberDetails } from './memberDetails.ts';

// What a caller hands the directory, checked before anything is read or written: whatever the
// value (a getter, a proxy, a cycle), a refusal is a DirectoryFieldError naming the field, and
// a record is only ever written in the form the directory reads back.

/** The member id, or DirectoryFieldError. */
export const memberIdOf = (u: unknown): string => {
  if (typeof u === 'string' && MemberId.is(u)) return u;
  throw new DirectoryFieldError('(not a member id)', 'memberId', 'is not a member id');
};

/** Her details as the directory stores them (read into a plain copy first), or the error. */
export const memberDetailsOf = (memberId: string, u: unknown): MemberDetails => {
  const plain = plainInput(u);
  if (E.isLeft(plain)) throw new DirectoryFieldError(memberId, 'details', plain.left.message);
  const d = MemberDetails.decode(plain.right);
  if (E.isRight(d)) return d.right;
  const [first] = reportErrors(d.left);
  const path = first?.path ?? '';
  throw new DirectoryFieldError(memberId, path === '' ? 'details' : `details.${path}`,
    first?.message ?? 'is not a member\'s details');
};

/** The day she is forgotten ('YYYY-MM-DD'), or the error. */
export const forgottenOnOf = (memberId: string, u: unknown): string => {
  if (typeof u === 'string' && E.isRight(DateString.decode(u))) return u;
  throw new DirectoryFieldError(memberId, 'on', 'is not a date (YYYY-MM-DD)');
};
