// Run as a child process and killed (SIGKILL) partway: opens a Ledger over the file store's log
// with an index checkpoint written after every event it sees (so that one is being written
// most of the time), then deposits into the members' savings accounts one after another,
// printing `ack <commandId>` for each one stored:
// `node --import tsx indexCheckpointChild.fixture.ts <log> <members> <first command number>`.
import { products } from '@usha/domain/testing';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { createLedger } from './createLedger.ts';
import { memberPart } from './manyStreamsLog.fixture.ts';

const [file = '', membersArg = '1', firstArg = '0'] = process.argv.slice(2);
const members = Number(membersArg);
const store = await openFileEventStore({ file, schema: ledgerEventSchema });
const ledger = await createLedger({ store, products,
  indexCheckpoint: { file: `${file}.ledger-index`, everyEvents: 1 } });
process.stdout.write(`opened ${ledger.opened.from} ${ledger.opened.eventsRead}\n`);
for (let n = Number(firstArg); ; n++) {
  const commandId = `k-${n}`;
  const o = await ledger.execute({ type: 'MakeDeposit', data: { commandId, actor: 'clerk',
    on: '2025-06-01', accountId: `SB-${memberPart(n % members)}`, amount: '10',
    source: 'cash' } });
  if (o.status !== 'accepted') throw new Error(`${commandId}: ${JSON.stringify(o)}`);
  process.stdout.write(`ack ${commandId}\n`);
}
