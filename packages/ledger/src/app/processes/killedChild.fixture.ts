// Shared by the tests that kill a Ledger (SIGKILL) in a child process between its appends and
// open the log file again: the kill itself, the reopening, and the log read back for comparison.
import { spawn } from 'node:child_process';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { allEvents, testLedger } from '../testSupport.ts';

/** Runs `script` with `args` in a child process; resolves with the signal that ended it. */
export const childSignal = (script: string, args: ReadonlyArray<string>) =>
  new Promise<NodeJS.Signals | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args],
      { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (_, signal) => resolve(signal));
  });

/** Opens the file store on `file` and a Ledger over it. */
export const openLog = async (file: string) => {
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  return { store, ledger: await testLedger(store) };
};

/**
 * Every event in `file` as stored, positions aside (a file's offsets are its own), and claims
 * aside: a resumed run's claim on its process is the one event a run never cut short lacks.
 */
export const storedEntries = async (file: string) => {
  const { store, ledger } = await openLog(file);
  const stored = (await allEvents(store)).filter((e) => e.type !== 'ProcessClaimed');
  const out = stored.map((e) => JSON.stringify({ stream: e.stream,
    revision: String(e.revision), eventId: e.eventId, type: e.type, data: e.data,
    metadata: e.metadata }));
  await ledger.close();
  await store.close();
  return out;
};
