// A log whose passbook runs to many pages: one member's savings with `deposits` deposits, so
// that the printed report is larger than a pipe holds (64 KiB) and needs several writes.
import { join } from 'node:path';
import {
  createLedger, isAccepted, ledgerEventSchema, openFileEventStore, type CommandOutcome,
} from '@usha/ledger';
import { products } from '@usha/domain/testing';

const accepted = (o: CommandOutcome) => {
  if (!isAccepted(o)) throw new Error(`fixture: ${JSON.stringify(o)}`);
  return o;
};

/** Writes the log into `dir` and returns its file; the log's clock is fixed. */
export const longPassbookLog = async (dir: string, deposits: number): Promise<string> => {
  const file = join(dir, 'long.ndjson');
  const store = await openFileEventStore({ file, schema: ledgerEventSchema,
    now: () => new Date('2025-06-05T12:00:00.000Z') });
  const ledger = await createLedger({ store, products });
  const by = (commandId: string) => ({ commandId, actor: 'clerk-7', on: '2025-04-02' });
  accepted(await ledger.admitMember({ ...by('adm-1'), memberId: 'M-1',
    branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 }));
  accepted(await ledger.openSavingsAccount({ ...by('sb-1'), accountId: 'SB-1',
    memberId: 'M-1', productId: 'SB' }));
  for (let i = 0; i < deposits; i += 1) {
    accepted(await ledger.makeDeposit({ ...by(`dep-${i}`), accountId: 'SB-1',
      amount: '10', source: 'cash' }));
  }
  await ledger.close();
  await store.close();
  return file;
};
