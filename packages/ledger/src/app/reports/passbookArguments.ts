import * as E from 'fp-ts/lib/Either.js';
import { plainInput } from '@usha/domain';
import type { PassbookOptions } from './queryOptions.ts';

/**
 * A passbook asked for with options that would be dropped: options after an account id that
 * is not one (`passbook(id, undefined, { withName: true })`), or two different account ids.
 */
export class PassbookArgumentsError extends TypeError {
  constructor(message: string) {
    super(`passbook: ${message}; ask as passbook(memberId, { accountId, asOf, withName })`);
    this.name = 'PassbookArgumentsError';
  }
}

// Options are read into a plain copy (no getter or proxy runs twice, what one threw is never
// repeated: it could carry a name); anything but an object of options is refused here, and
// each option's value by the query that reads it.
const optionsOf = (u: unknown): PassbookOptions => {
  if (u === undefined) return {};
  const p = plainInput(u);
  if (E.isLeft(p)) throw new PassbookArgumentsError(`options: ${p.left.message}`);
  const v = p.right;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new PassbookArgumentsError('options must be an object');
  }
  return v as PassbookOptions;
};

/**
 * The one options object of a passbook query, from its current form `(id, options)` or its
 * older one `(id, accountId, options)`, kept so code written for it still reads the same
 * page. Options no form would read are refused rather than dropped.
 */
export const passbookArguments = (
  accountOrOptions: string | PassbookOptions | undefined, more: unknown,
): PassbookOptions => {
  if (typeof accountOrOptions !== 'string') {
    if (more !== undefined) {
      throw new PassbookArgumentsError('options given third, after no account id');
    }
    return optionsOf(accountOrOptions);
  }
  const o = optionsOf(more);
  if (o.accountId !== undefined && o.accountId !== accountOrOptions) {
    throw new PassbookArgumentsError(
      `two accounts asked for, ${accountOrOptions} and ${o.accountId}`);
  }
  return { ...o, accountId: accountOrOptions };
};
