// A child for resume.test.ts: opens the Ledger on the log file, runs a process, and kills itself
// with SIGKILL when the process is about to make its append number `appends + 1`: the appends
// before are on disk (the file store syncs before an append resolves), the rest never happen.
//   node --import tsx killBetweenSteps.fixture.ts <file> <credit|close> <appends>
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import type { EventStore } from '../../eventStore/port.ts';
import { testLedger } from '../testSupport.ts';
import { instanceName } from './instanceName.ts';

const [file = '', which = '', appends = '0'] = process.argv.slice(2);
const store = await openFileEventStore({ file, schema: ledgerEventSchema });
let left = Number(appends);
const dying: EventStore<LedgerEvent> = { ...store, appendToStream: (stream, events, o) => {
  if (left <= 0) process.kill(process.pid, 'SIGKILL');
  left -= 1;
  return store.appendToStream(stream, events, o);
} };
// Under the name an app's instance has by default: the Ledger opened after this process died
// finds its pid gone, and need not wait out its lease.
const ledger = await testLedger(dying, { processClaims: { claimant: instanceName() } });
const year = { actor: 'board', societyId: 'USHA', financialYear: '2024-25' };
if (which === 'credit') {
  await ledger.creditDividends({ ...year, commandId: 'credit', on: '2025-04-11' });
} else {
  await ledger.closeFinancialYear({ ...year, commandId: 'fy', on: '2025-04-05' });
}
console.log('not killed');
