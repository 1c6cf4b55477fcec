// The throwaway app the packaging test installs the packed packages into: a package.json that
// depends on the tarballs, a tsconfig an app would write (module nodenext, no .ts imports, full
// library checking so our declaration files are checked too), and a main.ts that keeps savings.

/** The app's package.json: the tarballs by file path, the peers and the compiler. */
export const appManifest = (tarballs: Readonly<Record<string, string>>): string =>
  JSON.stringify({
    name: 'usha-consumer-app',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(
        Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
      'fp-ts': '^2.16.11',
      'io-ts': '^2.2.22',
    },
    // The tools of its own tests: @usha/testing's and @usha/domain/testing's peers.
    devDependencies: { typescript: '~5.9.3', '@types/node': '^20.19.0',
      'fast-check': '^4.3.0', uvu: '^0.5.6' },
  }, null, 2);

/** A tsconfig as an app compiled by plain tsc has it. */
export const appTsconfig = JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true,
    types: ['node'], skipLibCheck: false, outDir: 'out', rootDir: '.',
  },
  files: ['main.ts', 'subpaths.ts'],
}, null, 2);

/** The app: opens a file store, admits a member, opens savings, deposits, prints a balance. */
export const appMain = `import {
  createLedger, ledgerEventSchema, openFileEventStore,
} from '@usha/ledger';
import { formatMoney, money } from '@usha/domain';
import { rupees } from '@usha/projections';

const products = {
  SH: { kind: 'share', id: 'SH', faceValue: '10.00', minimumShares: 5, maximumShares: 500,
    lockInMonths: 12, minimumSharesWhileBorrowing: 10 },
  SB: { kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount: 'actual/365',
    compounding: 'quarterly', posting: 'quarterly', minimumBalance: '100.00',
    rounding: 'half-even' },
};
const log = process.argv[2];
if (log === undefined) throw new Error('usage: node out/main.js <log.ndjson>');
const store = await openFileEventStore({ file: log, schema: ledgerEventSchema });
const ledger = await createLedger({ store, products });
const by = (commandId: string) => ({ commandId, actor: 'clerk-1', on: '2025-04-02' });
const outcomes = [
  await ledger.admitMember({ ...by('adm-1'), memberId: 'M-0001', branchId: 'SONAGACHI',
    shareProductId: 'SH', shares: 5 }),
  await ledger.openSavingsAccount({ ...by('sb-1'), accountId: 'SB-0001', memberId: 'M-0001',
    productId: 'SB' }),
  await ledger.makeDeposit({ ...by('dep-1'), accountId: 'SB-0001', amount: '1250.50',
    source: 'cash' }),
];
for (const o of outcomes) console.log(o.status === 'accepted' ? o.commandType : o.rejection.type);
const balances = await ledger.balances('M-0001');
const paise: bigint = balances?.deposits[0]?.balance ?? 0n;
console.log('savings of M-0001: Rs ' + rupees(paise));
console.log('in money: ' + formatMoney(money(paise)));
await ledger.close();
await store.close();
`;

/** A module importing every subpath the packages export; prints how many names each has. */
export const appSubpaths = (specifiers: readonly string[]): string => [
  ...specifiers.map((s, i) => `import * as m${i} from '${s}';`),
  'console.log(JSON.stringify({',
  ...specifiers.map((s, i) => `  '${s}': Object.keys(m${i}).length,`),
  '}));',
  '',
].join('\n');
