import {
  streamNameFor, tdsStatement, type TdsDeducted, type TdsStatement,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { MemberIndex } from '../commands/memberIndex.ts';

/** Which member's statement, for which financial year ('2024-25'). */
export interface TdsStatementRequest {
  readonly memberId: string;
  readonly financialYear: string;
}

/**
 * A member's TDS statement of one financial year (tdsStatement), from the deductions her
 * deposit accounts' streams hold (the member index lists them); none for a member never seen.
 */
export const tdsStatementOf = async (
  r: { readonly store: EventStore<LedgerEvent>; readonly members: MemberIndex },
  q: TdsStatementRequest,
): Promise<TdsStatement> => {
  const deducted: TdsDeducted[] = [];
  for (const d of r.members.get(q.memberId)?.deposits ?? []) {
    for await (const e of r.store.readStream(streamNameFor.deposit(d.accountId))) {
      if (e.type === 'TdsDeducted') deducted.push({ type: e.type, data: e.data });
    }
  }
  return tdsStatement(deducted, q.memberId, q.financialYear);
};
