// Shareholders generated straight into a store, as the Ledger would have stored them: an
// admission, a purchase of shares and a savings account per member. Building a large
// membership command by command would take minutes; the dividend tests need only the events.
import { addDays, businessDate, moneyString } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

const start = businessDate('2024-04-01');

/** Member i bought 1 to 50 shares on one day of the year: share-days vary by member. */
export const holdingOf = (i: number) => ({
  memberId: `M${i}`, shares: 1 + (i % 50), on: addDays(start, (i * 7) % 365),
});

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const meta = (commandId: string, commandType: string, on: string) => ({
  eventId: `${commandId}.0`, commandId, commandType, actor: 'clerk', effectiveOn: on,
  commandHash: '0123456789abcdef0123456789abcdef', schemaVersion: 1,
});

/** Appends members M0 to M<members - 1>, each with shares and a savings account. */
export const generateShareholders = async (
  store: EventStore<LedgerEvent>, members: number,
): Promise<void> => {
  let n = 0;
  const put = (stream: string, type: string, data: object, metadata: object) =>
    store.appendToStream(stream, [{ type, data, metadata, eventId: uuid(n++) }] as never,
      { expectedRevision: 'no_stream' });
  for (let i = 0; i < members; i++) {
    const { memberId: m, shares, on } = holdingOf(i);
    await put(`member-${m}`, 'MemberAdmitted', { branchId: 'SONAGACHI', memberId: m, on,
      shareProductId: 'SH', sharesSubscribed: shares }, meta(`${m}-admit`, 'AdmitMember', on));
    await put(`shares-${m}`, 'SharesPurchased', { accountId: `SH-${m}`,
      amount: moneyString(BigInt(shares) * 1000n), eventId: `${m}-shares.0`, faceValue: '10.00',
      memberId: m, on, productId: 'SH', shares, sharesAfter: shares },
    meta(`${m}-shares`, 'PurchaseShares', on));
    await put(`deposit-SB-${m}`, 'SavingsAccountOpened', { accountId: `SB-${m}`, memberId: m,
      minimumBalance: '100.00', on, productId: 'SB', rateAnnualPercent: '4' },
    meta(`${m}-open`, 'OpenSavingsAccount', on));
  }
};

