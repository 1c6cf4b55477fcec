import { access } from 'node:fs/promises';
import { exportEventLog, ledgerEventSchema } from '@usha/ledger';
import type { LogSource } from './cliCommand.ts';
import type { CliIo } from './cliIo.ts';
import { openLog } from './openLog.ts';

/**
 * `usha export`: every event of a log or database into a new hash-chained log file, with ids,
 * order and revisions kept: what an auditor takes away. Events only: the member directory is
 * never read, so no name, phone or address can be in it.
 */
export const exportCommand = async (
  c: { readonly source: LogSource; readonly to: string },
  io: CliIo,
): Promise<number> => {
  // An earlier export is evidence: never written over.
  if (await access(c.to).then(() => true, () => false)) {
    io.err(`usha: ${c.to} exists; export to a new file`);
    return 1;
  }
  const log = await openLog(c.source);
  try {
    const r = await exportEventLog({ store: log.store, schema: ledgerEventSchema, file: c.to });
    io.out(`${c.to}: ${r.events} events written; last hash ${r.lastHash}.`);
    return 0;
  } finally {
    await log.close();
  }
};
