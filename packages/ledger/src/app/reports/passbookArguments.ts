import { isOpaqueId } from '@usha/domain';
import type { PassbookOptions } from './queryOptions.ts';
import { queryOptionsOf } from './queryOptionsOf.ts';
import { QueryRequestError } from './queryRequest.ts';

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

// Options are read once into a checked copy (queryOptionsOf): anything but an object of the
// options a passbook reads, each of its kind, is refused, as a passbook's arguments always
// were, with a PassbookArgumentsError naming the option (what a getter threw is never told).
const optionsOf = (u: unknown): PassbookOptions => {
  try {
    return queryOptionsOf('passbook', u, { may: ['asOf', 'accountId', 'withName'] });
  } catch (e) {
    if (e instanceof QueryRequestError) throw new PassbookArgumentsError(`options: ${e.reason}`);
    throw e;
  }
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
  if (!isOpaqueId(accountOrOptions)) throw new PassbookArgumentsError('not an account id');
  const o = optionsOf(more);
  if (o.accountId !== undefined && o.accountId !== accountOrOptions) {
    throw new PassbookArgumentsError(
      `two accounts asked for, ${accountOrOptions} and ${o.accountId}`);
  }
  return { ...o, accountId: accountOrOptions };
};
