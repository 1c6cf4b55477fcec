// A small co-operative's log for the command's tests: a member's shares, savings and an unpaid
// loan over a quarter, an audit on 2025-06-05, then a correction of an earlier deposit and one
// more deposit.
import { join } from 'node:path';
import {
  createLedger, isAccepted, ledgerEventSchema, openFileEventStore, positionToString,
  type CommandOutcome, type EventStore, type LedgerEvent,
} from '@usha/ledger';
// The products every package's tests use: shares SH, savings SB at 4%, loans LN at 12%.
import { products } from '@usha/domain/testing';

const accepted = (o: CommandOutcome) => {
  if (!isAccepted(o)) throw new Error(`fixture: ${JSON.stringify(o)}`);
  return o;
};

/** What the tests need to know of the history they read. */
export interface AuditTrail {
  readonly file: string;
  /** The last event's position at the audit, before the correction, as `usha verify` says. */
  readonly auditPosition: string;
  /** The last hash at the audit. */
  readonly auditHash: string;
}

/** Writes the history through the Ledger into any store; the log's clock is fixed. */
export const writeHistory = async (
  store: EventStore<LedgerEvent>,
  audit: () => Promise<void> = async () => {},
): Promise<void> => {
  const ledger = await createLedger({ store, products });
  const by = (commandId: string, on: string, actor = 'clerk-7') => ({ commandId, actor, on });
  accepted(await ledger.admitMember({ ...by('adm-1', '2025-04-02'), memberId: 'M-1',
    branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 }));
  accepted(await ledger.purchaseShares({ ...by('sh-1', '2025-04-02'), accountId: 'SH-1',
    memberId: 'M-1', productId: 'SH', shares: 5 }));
  accepted(await ledger.openSavingsAccount({ ...by('sb-1', '2025-04-02'), accountId: 'SB-1',
    memberId: 'M-1', productId: 'SB' }));
  accepted(await ledger.makeDeposit({ ...by('dep-1', '2025-04-02'), accountId: 'SB-1',
    amount: '1500', source: 'cash' }));
  const wrong = accepted(await ledger.makeDeposit({ ...by('dep-2', '2025-05-10'),
    accountId: 'SB-1', amount: '700', source: 'cash' }));
  accepted(await ledger.withdraw({ ...by('wd-1', '2025-06-01'), accountId: 'SB-1',
    amount: '200' }));
  // A loan of three monthly instalments from 2025-05-03, none of them paid.
  accepted(await ledger.applyForLoan({ ...by('apply-1', '2025-04-03'), loanId: 'LN-1',
    memberId: 'M-1', productId: 'LN', principal: '1000', repayments: 3,
    firstRepaymentOn: null }));
  accepted(await ledger.approveLoan({ ...by('approve-1', '2025-04-03', 'manager'),
    loanId: 'LN-1', principal: '1000' }));
  accepted(await ledger.disburseLoan({ ...by('disburse-1', '2025-04-03'), loanId: 'LN-1' }));
  await audit();
  // A correction names the domain's id of the event it reverses, kept in the event's data.
  const data = wrong.events[0]?.event.data;
  const eventId = data !== undefined && 'eventId' in data ? data.eventId : '';
  accepted(await ledger.reverseEvent({ ...by('rev-1', '2025-06-10'), aggregate: 'deposit',
    aggregateId: 'SB-1', eventId, reason: 'wrong_amount' }));
  accepted(await ledger.makeDeposit({ ...by('dep-3', '2025-06-10'), accountId: 'SB-1',
    amount: '70', source: 'cash' }));
  await ledger.close();
};

/**
 * The history in a log file in `dir`, with the position an auditor noted on 2025-06-05;
 * signed with the private key in `signingKeyFile`, if given.
 */
export const auditTrail = async (dir: string, signingKeyFile?: string): Promise<AuditTrail> => {
  const file = join(dir, 'usha.ndjson');
  const store = await openFileEventStore({ file, schema: ledgerEventSchema,
    now: () => new Date('2025-06-05T12:00:00.000Z'),
    ...(signingKeyFile === undefined ? {} : { signingKey: { file: signingKeyFile } }) });
  let auditPosition = '';
  let auditHash = '';
  await writeHistory(store, async () => {
    for await (const e of store.readAll({ direction: 'backwards', maxCount: 1 })) {
      auditPosition = positionToString(e.position);
    }
    auditHash = store.lastHash();
  });
  await store.close();
  return { file, auditPosition, auditHash };
};
