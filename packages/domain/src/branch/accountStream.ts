import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { parseStreamName } from '../shared/streams.ts';

const isAccountStream = (s: string): boolean => {
  const p = parseStreamName(s);
  return E.isRight(p) && (p.right.aggregate === 'deposit' || p.right.aggregate === 'loan'
    || p.right.aggregate === 'shares' || p.right.aggregate === 'member');
};

/**
 * The stream of a member's account (`deposit-`, `loan-` or `shares-` and an opaque id), or her
 * member stream (`member-`: her admission fee, AdmitMember's till movement): a
 * free string here could carry a name into the log, so only a stream name decodes. The value
 * refused is withheld from the error, as an id's is.
 */
export const AccountStream = new t.Type<string, string, unknown>(
  'AccountStream',
  (u): u is string => typeof u === 'string' && isAccountStream(u),
  (u, c) => typeof u === 'string' && isAccountStream(u) ? t.success(u)
    : t.failure(typeof u === 'string' ? `(withheld: ${u.length} characters)` : u, c,
      'not an account stream: deposit-, loan-, shares- or member- and an id'),
  t.identity,
);
