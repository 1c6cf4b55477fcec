// Getting started: an app (a branch counter) opens the Ledger on the embedded file store,
// admits a member, keeps her name in the directory (never in the log), takes a deposit and a
// withdrawal, retries a command safely, reads its own write through the queries, and reopens
// the Ledger (which completes any process a crash cut short). Run:
//   node --import tsx examples/getting-started.ts
// Apps import all of this from '@usha/ledger'; the example uses paths inside the repository.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileEventStore } from '@usha/ledger';
import {
  createLedger, formatMemberPassbook, ledgerEventSchema, openMemberDirectory,
  type CommandOutcome,
} from '@usha/ledger';
import { rupees } from '@usha/projections';

/** The society's products, as data (the Ledger decodes them). */
export const products = {
  SH: { kind: 'share', id: 'SH', faceValue: '10.00', minimumShares: 5, maximumShares: 500,
    lockInMonths: 12, minimumSharesWhileBorrowing: 10 },
  SB: { kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount: 'actual/365',
    compounding: 'quarterly', posting: 'quarterly', minimumBalance: '100.00',
    rounding: 'half-even' },
};

const show = (o: CommandOutcome): string => o.status === 'accepted'
  ? `accepted ${o.commandType} -> ${o.stream}@${o.revision}${o.duplicate ? ' (retry)' : ''}`
  : `rejected: ${o.rejection.type}`;

/** Runs the walk-through in `folder`; returns the lines it prints. */
export const gettingStarted = async (folder: string): Promise<string[]> => {
  const lines: string[] = [];
  const say = (s: string) => { lines.push(s); console.log(s); };
  // 1. Open the store and the directory, then the Ledger over them.
  const store = await openFileEventStore({ file: join(folder, 'usha.ndjson'),
    schema: ledgerEventSchema });
  // The directory's master key is kept apart from its folder (here a sibling folder; in
  // production another disk, an environment variable or a key service).
  await mkdir(join(folder, 'directory'), { recursive: true });
  await mkdir(join(folder, 'keys'), { recursive: true, mode: 0o700 });
  const directory = await openMemberDirectory({ file: join(folder, 'directory', 'members.dir'),
    keyFile: join(folder, 'keys', 'members.key') });
  const ledger = await createLedger({ store, products, directory });
  // 2. Every command carries a command id the app chooses, the user acting, and the date.
  const by = (commandId: string) => ({ commandId, actor: 'clerk-7', on: '2025-04-02' });
  say(show(await ledger.admitMember({ ...by('adm-1'), memberId: 'M-1001',
    branchId: 'SONAGACHI', shareProductId: 'SH', shares: 5 })));
  await ledger.registerMember('M-1001', { name: 'Asha', phone: '+91 90000 00000' });
  say(show(await ledger.openSavingsAccount({ ...by('sb-1'), accountId: 'SB-1001',
    memberId: 'M-1001', productId: 'SB' })));
  say(show(await ledger.makeDeposit({ ...by('dep-1'), accountId: 'SB-1001', amount: '1500',
    source: 'cash' })));
  // 3. A network retry sends the same command again: same outcome, nothing stored twice.
  const withdrawal = { ...by('wd-1'), accountId: 'SB-1001', amount: '400' };
  say(show(await ledger.withdraw(withdrawal)));
  say(show(await ledger.withdraw(withdrawal)));
  // 4. A rule of the product is a value, not an exception.
  say(show(await ledger.withdraw({ ...by('wd-2'), accountId: 'SB-1001', amount: '1050' })));
  // 5. The name is read through the directory only.
  const who = await ledger.memberDetails('M-1001');
  say(`member M-1001: ${who.status === 'present' ? who.details.name : who.status}`);
  // 6. Queries read the projections; they wait for this Ledger's own writes first.
  const balances = await ledger.balances('M-1001');
  say(`savings of M-1001: Rs ${rupees(balances?.deposits[0]?.balance ?? 0n)}`);
  const tb = await ledger.trialBalance();
  say(`trial balance: debit ${rupees(tb.totalDebit)}, credit ${rupees(tb.totalCredit)}`);
  say(formatMemberPassbook(
    await ledger.passbook('M-1001', { accountId: 'SB-1001', withName: true })));
  await ledger.close();
  await store.close();
  // 7. Reopened, the Ledger reads the log once and completes any unfinished process.
  const again = await openFileEventStore({ file: join(folder, 'usha.ndjson'),
    schema: ledgerEventSchema });
  const reopened = await createLedger({ store: again, products, directory });
  say(`reopened: ${reopened.resumed.length} unfinished processes completed`);
  say(show(await reopened.withdraw(withdrawal)));
  await reopened.close();
  await again.close();
  await directory.close(); // gives back its lock: another process may open it now
  say(`files in ${folder}`);
  return lines;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  await gettingStarted(await mkdtemp(join(tmpdir(), 'usha-getting-started-')));
}
