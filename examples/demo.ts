// The demo: a co-operative's year on the embedded file store, then an auditor's replay.
//   npx -y pnpm@10 demo       (or: node --import tsx examples/demo.ts [folder])
// 1. Opens the file store and the member directory in .demo/, or the folder given (emptied
//    first).
// 2. Runs FY 2025-26 for 300 members through the Ledger (examples/cooperativeYear.ts), as a
//    society in production: staff appointed first, each command sent by the role it needs;
//    checks from the log that every command was sent by the role the permission table names.
// 3. Prints the trial balance, balance sheet, income statement, PAR report and one member's
//    passbook, with her name from the directory (the log holds opaque ids only); then the
//    year-end reports: accrued interest, the NPA schedule, receipts and payments, DCB by
//    branch, the share capital register and the profit appropriation.
// 4. Closes everything, reopens the log read-only, replays it into fresh projections, prints
//    the same figures again and checks they are identical; verifies the hash chain.
// The finance core has its own scripts: examples/loan-and-savings.ts, examples/member-life.ts.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  balanceSheet, formatBalanceSheet, formatDemandCollectionBalance, formatIncomeStatement,
  formatNpaSchedule, formatParReport, formatProfitAppropriation, formatReceiptsAndPayments,
  formatShareCapitalRegister, formatTrialBalance, incomeStatement, parReport, passbook,
  replayAsync, trialBalance,
} from '@usha/projections';
import {
  generateSigningKeys, openFileEventStore, positionToString, verifyLog, type SigningKeyFiles,
} from '@usha/ledger';
import {
  createLedger, formatAccruedInterest, formatMemberPassbook, ledgerEventSchema,
  openMemberDirectory, reportProjection, type MemberDirectory, type PassbookHolder,
} from '@usha/ledger';
import { closeOn, financialYear, products, runCooperativeYear } from './cooperativeYear.ts';
import { auditStaff, type LoggedEvent } from './staffAudit.ts';

const root = new URL('..', import.meta.url).pathname;
const folder = process.argv[2] === undefined ? join(root, '.demo') : resolve(process.argv[2]);
const logFile = join(folder, 'usha.ndjson');
const parOn = '2026-03-31';

const say = (s = '') => console.log(s);

// Only the demo's own files are removed: a folder holding anything else is refused, so a
// mistyped path can never cost someone their files.
const demoFile = new RegExp('^(usha\\.ndjson(\\.lock|(\\.index|\\.ledger-index(\\.states)?)'
  + '(\\.writing)?)?|members\\.(json|key|dir))$');
const emptyDemoFolder = async (dir: string): Promise<void> => {
  const present = await readdir(dir).catch(() => []);
  const foreign = present.filter((name) => !demoFile.test(name));
  if (foreign.length > 0) {
    throw new Error(`${dir} holds files that are not the demo's (${foreign.join(', ')}); ` +
      'give an empty or new folder');
  }
  for (const name of present) await rm(join(dir, name), { force: true });
  await mkdir(dir, { recursive: true });
};

// The demo's signing keys: made on its first run, kept for later runs (as a society keeps its
// writer's key: auditors hold the public half from one audit to the next).
const signingKeysIn = async (dir: string): Promise<SigningKeyFiles> => {
  const kept = { privateKeyFile: join(dir, 'usha-signing.key'),
    publicKeyFile: join(dir, 'usha-signing.pub') };
  const present = await readdir(dir);
  if (present.includes('usha-signing.key') && present.includes('usha-signing.pub')) return kept;
  return generateSigningKeys({ dir });
};

const holderOf = async (d: MemberDirectory, memberId: string): Promise<PassbookHolder> => {
  const e = await d.get(memberId);
  return e.status === 'present' ? { status: 'present', name: e.details.name }
    : { status: e.status };
};

const main = async (): Promise<number> => {
  const started = performance.now();
  await emptyDemoFolder(folder);
  // The directory's master key lives apart from the data, in .demo-keys/ (in production:
  // another disk, an environment variable or a key service): a copy of .demo/ must not
  // carry the key that opens the names in it. A key file inside .demo/ would be refused.
  // The log's signing key is kept there too: whoever can copy the log must not be able to
  // sign additions to it. Its public half is what an auditor is given.
  const keyFolder = `${folder}-keys`;
  await mkdir(keyFolder, { recursive: true, mode: 0o700 });
  const keys = await signingKeysIn(keyFolder);
  const store = await openFileEventStore({ file: logFile, schema: ledgerEventSchema,
    signingKey: { file: keys.privateKeyFile } });
  const directory = await openMemberDirectory({ file: join(folder, 'members.dir'),
    keyFile: join(keyFolder, 'members.key') });
  // As a society in production: no command is accepted until the first board member is
  // appointed, and from then on each only from the role the permission table names.
  // The instance names itself in its claims on the processes it runs (by default the host's
  // name, which would make the log's bytes differ from one machine to the next).
  const ledger = await createLedger({ store, products, directory, requireStaff: true,
    processClaims: { claimant: 'usha-demo' } });
  const year = await runCooperativeYear(ledger, { members: 300, seed: 2025 });
  say(`Usha Multipurpose Co-operative Society, financial year ${financialYear}`);
  say(`${year.members} members, ${year.commands} commands; ${year.recurringDeposits} recurring `
    + `deposits; ${year.loans} loans (${year.latePayers} repaid late, ${year.defaulters} `
    + 'stopped paying)');
  say(`Year closed on ${closeOn}: ${year.close.status}; dividend credited to `
    + `${year.dividends.steps.filter((s) => s.status === 'accepted'
      && s.commandType === 'CreditDividend').length} members: `
    + year.dividends.status);
  // Who acted, read back from the log: each event's actor against the register it holds.
  const logged: LoggedEvent[] = [];
  for await (const e of store.readAll()) logged.push(e);
  const staff = auditStaff(logged);
  const authorised = staff.breaches.length === 0;
  say(authorised ? `Staff: ${staff.appointed.length} appointed, ${staff.acted.length} acted `
      + '(the auditor sends nothing); every command sent by the role the permission table '
      + "names, at the member's branch, with a second person where the table asks one."
    : `Staff: ${staff.breaches.length} events NOT sent as the permission table names:\n`
      + staff.breaches.join('\n'));
  const m = year.showcaseMember;
  // Through the Ledger's queries (its report runner, read-your-writes).
  const live = [
    formatTrialBalance(await ledger.trialBalance()),
    formatBalanceSheet(await ledger.balanceSheet()),
    formatIncomeStatement(await ledger.incomeStatement({ financialYear })),
    formatParReport(await ledger.portfolio({ asOf: parOn })),
    formatMemberPassbook(await ledger.passbook(m, { withName: true })),
  ].join('\n\n');
  say();
  say(live);
  // The year-end reports the registrar and the statutory auditor ask for, as of 31 March.
  const appropriation = await ledger.profitAppropriation({ financialYear });
  const yearEndReports = [
    formatAccruedInterest(await ledger.accruedInterest({ asOf: parOn }), { detail: false }),
    formatNpaSchedule(await ledger.npaSchedule({ asOf: parOn }), { detail: false }),
    formatReceiptsAndPayments(await ledger.receiptsAndPayments({ financialYear })),
    formatDemandCollectionBalance(await ledger.demandCollectionBalance({ financialYear })),
    formatShareCapitalRegister(await ledger.shareCapitalRegister({ financialYear,
      asOf: parOn })),
    formatProfitAppropriation(appropriation, financialYear),
  ].join('\n\n');
  say();
  say(yearEndReports);
  await ledger.close();
  await store.close();

  // An auditor's replay: the log read-only, every event folded into fresh projections.
  const log = await openFileEventStore({ file: logFile, schema: ledgerEventSchema,
    mode: 'read-only' });
  const fresh = reportProjection();
  const all = await replayAsync(fresh, log.readAll());
  const yearEnd = await replayAsync(fresh, log.readAll(), { asOf: parOn });
  await log.close();
  const replayed = [
    formatTrialBalance(trialBalance(all.states.books)),
    formatBalanceSheet(balanceSheet(all.states.books)),
    formatIncomeStatement(incomeStatement(all.states.books, { financialYear })),
    formatParReport(parReport(yearEnd.states.balances, { asOf: parOn })),
    formatMemberPassbook({ ...passbook(all.states.passbook, m),
      holder: await holderOf(directory, m) }),
  ].join('\n\n');
  await directory.close(); // its lock given back: another process may open it now
  say();
  say(`Replayed ${all.cursor.applied} events from the log, read-only, into fresh projections:`);
  say();
  say(replayed);
  say();
  const same = replayed === live;
  say(same ? 'Replay: the figures are identical.' : 'Replay: THE FIGURES DIFFER.');
  const chain = await verifyLog(logFile, { publicKey: { file: keys.publicKeyFile } });
  say(chain.ok ? `Hash chain verified: ${chain.lines} events, intact; every one of `
      + `${chain.signatures.signed} appends signed by the writer's key.`
    : `Hash chain BROKEN: line ${chain.line}: ${chain.reason}`);
  if (chain.ok && chain.lastPosition !== undefined) {
    say(`Last event at ${positionToString(chain.lastPosition)}; last hash ${chain.lastHash}.`);
    say(`An auditor records both, then checks and reads the log with nothing else but the `
      + `public key: npx -y pnpm@10 usha verify ${logFile} --key ${keys.publicKeyFile}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`Files in ${folder}/ (usha.ndjson: the log; members.dir: the directory), their keys in `
    + `${folder}-keys/ (apart from the data); `
    + `${seconds} s.`);
  return same && authorised && chain.ok ? 0 : 1;
};

process.exitCode = await main().catch((e: unknown) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  return 2;
});
