import * as E from 'fp-ts/lib/Either.js';
import { admissionFeeFor, type ProductCatalogue } from '@usha/domain';
import type { LedgerRejection } from '../commands/outcome.ts';
import type { CashAtTillRequest } from './cashAtTillRequest.ts';

const invalid = (path: string, why: string): LedgerRejection => ({
  type: 'invalid_command', message: `CashAtTillRequest: ${path}: ${why}`,
  fields: [{ path, expected: '', got: '', message: `${path}: ${why}` }],
});

/**
 * The cash a till request moves: the `amount` sent, or for AdmitMember her share product's
 * admission fee (null: the product charges none), worked out by the rule the member decider
 * charges it by (admissionFeeOf), so the till takes what her stream records. Left: an amount
 * missing, or sent for an admission, or a product the catalogue does not have as a share one.
 */
export const tillAmountOf = (
  products: ProductCatalogue, r: CashAtTillRequest,
): E.Either<LedgerRejection, string | null> => {
  if (r.type !== 'AdmitMember') {
    return r.amount === undefined ? E.left(invalid('amount', `required for ${r.type}`))
      : E.right(r.amount);
  }
  if (r.amount !== undefined) {
    return E.left(invalid('amount', 'not sent for AdmitMember: the fee is her share product\'s'));
  }
  if (r.shareProductId === undefined) {
    return E.left(invalid('shareProductId', 'required for AdmitMember'));
  }
  return admissionFeeFor(products, r.shareProductId);
};

// A count in the request's string form, as the command takes it; anything else is passed on
// as it is, for the command's codec to refuse, naming the field.
const countOf = (s: string | undefined): unknown => s !== undefined && /^\d{1,9}$/.test(s)
  ? Number(s) : s;

/**
 * AdmitMember's fields from a till request: her branch is the till's, and the till is named
 * when it takes a fee (with no fee there is no cash, and no till in her record).
 */
export const admissionData = (
  r: CashAtTillRequest, fee: string | null,
): Record<string, unknown> => ({
  memberId: r.memberId, branchId: r.branchId, shareProductId: r.shareProductId,
  shares: countOf(r.shares), ...(fee === null ? {} : { tillId: r.tillId }),
});
