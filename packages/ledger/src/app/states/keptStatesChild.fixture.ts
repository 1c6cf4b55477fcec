// Run as a child process and killed (SIGKILL) partway: opens a Ledger over a signed file store
// with an index checkpoint (and so its kept states) written after every event it sees, then
// deposits 10.00 into SB-M1 again and again, printing `ack <commandId>` for each one stored:
// `node --import tsx keptStatesChild.fixture.ts <log> <private key PEM file> <first number>`.
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { testLedger } from '../testSupport.ts';

const [file = '', keyFile = '', firstArg = '0'] = process.argv.slice(2);
const signingKey = createPrivateKey(await readFile(keyFile));
const store = await openFileEventStore({ file, schema: ledgerEventSchema, signingKey });
const ledger = await testLedger(store, { indexCheckpoint: { everyEvents: 1 } });
process.stdout.write(`opened ${ledger.restoredStates.restored}\n`);
for (let n = Number(firstArg); ; n++) {
  const commandId = `k-${n}`;
  const o = await ledger.makeDeposit({ commandId, actor: 'clerk', on: '2024-05-01',
    accountId: 'SB-M1', amount: '10', source: 'cash' });
  if (o.status !== 'accepted') throw new Error(`${commandId}: ${JSON.stringify(o)}`);
  process.stdout.write(`ack ${commandId}\n`);
}
