// A child for standingKilledAtEachStep.test.ts: opens the Ledger on the log file, runs the
// standing instructions of the day, and kills itself with SIGKILL when the run is about to make
// its append number `appends + 1`: the appends before are on disk (the file store syncs before
// an append resolves), the rest never happen.
//   node --import tsx standingKilled.fixture.ts <file> <appends>
import { openFileEventStore } from '../../file/fileEventStore.ts';
import type { EventStore } from '../../eventStore/port.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { testLedger } from '../testSupport.ts';
import { runOfDay } from './standingDay.fixture.ts';

const [file = '', appends = '0'] = process.argv.slice(2);
const store = await openFileEventStore({ file, schema: ledgerEventSchema });
let left = Number(appends);
const dying: EventStore<LedgerEvent> = { ...store, appendToStream: (stream, events, o) => {
  if (left <= 0) process.kill(process.pid, 'SIGKILL');
  left -= 1;
  return store.appendToStream(stream, events, o);
} };
const ledger = await testLedger(dying);
await ledger.runStandingInstructions(runOfDay);
console.log('not killed');
