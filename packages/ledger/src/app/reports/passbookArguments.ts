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
    return accountOrOptions ?? {};
  }
  const o = (more ?? {}) as PassbookOptions;
  if (o.accountId !== undefined && o.accountId !== accountOrOptions) {
    throw new PassbookArgumentsError(
      `two accounts asked for, ${accountOrOptions} and ${o.accountId}`);
  }
  return { ...o, accountId: accountOrOptions };
};
