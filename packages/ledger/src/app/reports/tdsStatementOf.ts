import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  FinancialYearLabel, MemberId, closed, plainInput, reportErrors, streamNameFor, tdsStatement,
  type TdsDeducted, type TdsReversed, type TdsStatement,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { MemberIndex } from '../commands/memberIndex.ts';

/** Which member's statement, for which financial year ('2024-25'). */
export interface TdsStatementRequest {
  readonly memberId: string;
  readonly financialYear: string;
}

const Request = closed({ memberId: MemberId, financialYear: FinancialYearLabel },
  'TdsStatementRequest');

/** A statement asked for with something that is not a member id and a financial year. */
export class TdsStatementRequestError extends TypeError {
  override readonly name = 'TdsStatementRequestError';
  constructor(readonly problems: string) {
    super(`tdsStatement: ${problems}; ask as tdsStatement({ memberId, financialYear })`);
  }
}

/**
 * A member's TDS statement of one financial year (tdsStatement), from the deductions (and
 * those given back) her deposit accounts' streams hold (the member index lists them); none
 * for a member never seen.
 */
export const tdsStatementOf = async (
  r: { readonly store: EventStore<LedgerEvent>; readonly members: MemberIndex },
  request: TdsStatementRequest,
): Promise<TdsStatement> => {
  // Any value may arrive from an app: a plain copy decoded, or the typed error.
  const plain = plainInput(request);
  const decoded = E.isLeft(plain) ? undefined : Request.decode(plain.right);
  if (decoded === undefined || E.isLeft(decoded)) {
    throw new TdsStatementRequestError(E.isLeft(plain) ? plain.left.message
      : decoded === undefined ? 'not a request' : reportErrors(decoded.left)
        .map((f) => f.message).join('; '));
  }
  const q = decoded.right;
  const deducted: Array<TdsDeducted | TdsReversed> = [];
  for (const d of r.members.get(q.memberId)?.deposits ?? []) {
    for await (const e of r.store.readStream(streamNameFor.deposit(d.accountId))) {
      if (e.type === 'TdsDeducted') deducted.push({ type: e.type, data: e.data });
      if (e.type === 'TdsReversed') deducted.push({ type: e.type, data: e.data });
    }
  }
  return tdsStatement(deducted, q.memberId, q.financialYear);
};
