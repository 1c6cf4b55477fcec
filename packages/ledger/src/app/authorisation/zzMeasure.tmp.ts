import { memoryStore, ok, testLedger } from '../testSupport.ts';
import { appointStaff, memberAndLoan } from './staffFixture.ts';

const run = async (withStaff: boolean, n: number) => {
  const ledger = await testLedger(memoryStore());
  if (withStaff) await appointStaff(ledger);
  await memberAndLoan(ledger);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    ok(await ledger.makeDeposit({ commandId: `d-${i}`, actor: 'cash-1', on: '2025-04-01',
      accountId: 'SB-M1', amount: '1', source: 'cash' }));
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const rounds: number[][] = [];
for (let r = 0; r < 5; r++) rounds.push([await run(false, 3000), await run(true, 3000)]);
console.log(rounds.map(([a, b]) => `${a.toFixed(0)}ms ${b!.toFixed(0)}ms ratio ${(b! / a!).toFixed(2)}`).join('\n'));
