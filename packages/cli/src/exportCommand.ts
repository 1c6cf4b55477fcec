import { lstat, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  exportEventLog, ledgerEventSchema, type EventStore, type LedgerEvent,
} from '@usha/ledger';
import type { LogSource } from './cliCommand.ts';
import type { CliIo } from './cliIo.ts';
import { fileProblem } from './fileProblem.ts';
import { openLog } from './openLog.ts';

const sourceName = (s: LogSource) =>
  (s.kind === 'file' ? s.file : 'the EventStoreDB database');

// What is at a name, the name itself and not what a symbolic link there points to: a link
// is there even when its target is missing (dangling) or cannot be reached (a loop), and the
// export's rename would replace it. 'nothing' when no entry has the name (nor can: a folder
// on its path is a file); a system error otherwise (too long a name, a loop on its path).
const entryAt = async (path: string): Promise<
  'nothing' | 'a file' | 'a directory' | 'a symbolic link' | 'not a regular file'
> => {
  try {
    const s = await lstat(path);
    return s.isFile() ? 'a file' : s.isDirectory() ? 'a directory'
      : s.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
  } catch (e) {
    const code: unknown = e instanceof Error ? Reflect.get(e, 'code') : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'nothing';
    throw e;
  }
};

// An export of nothing would be a file that verifies as nothing: refused before it is made.
const isEmpty = async (store: EventStore<LedgerEvent>): Promise<boolean> => {
  for await (const _ of store.readAll({ maxCount: 1 })) return false;
  return true;
};

/**
 * `usha export`: every event of a log or database into a new hash-chained log file, with ids,
 * order and revisions kept: what an auditor takes away. Events only: the member directory is
 * never read, so no name, phone or address can be in it. From a log file, its bytes as they
 * are: the same appends, hashes and signatures, so an anchor recorded on it holds on the copy.
 */
export const exportCommand = async (
  c: { readonly source: LogSource; readonly to: string },
  io: CliIo,
): Promise<number> => {
  // An earlier export is evidence: never written over, nor is anything else by that name.
  let there: Awaited<ReturnType<typeof entryAt>>;
  try {
    there = await entryAt(c.to);
  } catch (e) {
    const problem = fileProblem(e);
    if (problem === undefined) throw e;
    io.err(`usha: ${problem}`);
    return 1;
  }
  if (there !== 'nothing') {
    const what = there === 'a file' ? '' : ` (${there})`;
    io.err(`usha: ${c.to} exists${what}; export to a new file`);
    return 1;
  }
  const folder = await stat(dirname(c.to)).then((d) => d.isDirectory(), () => false);
  if (!folder) {
    io.err(`usha: ${dirname(c.to)}: no such directory to export into`);
    return 1;
  }
  const log = await openLog(c.source);
  try {
    if (await isEmpty(log.store)) {
      io.err(`usha: ${sourceName(c.source)} holds no event: nothing to export`);
      return 1;
    }
    const r = await exportEventLog({ store: log.store, schema: ledgerEventSchema, file: c.to });
    io.out(`${c.to}: ${r.events} events written; last hash ${r.lastHash}.`);
    return 0;
  } catch (e) {
    // The export is written beside its name first: a failure names the file asked for.
    const problem = fileProblem(e, (p) => (p.startsWith(`${c.to}.export-`) ? c.to : p));
    if (problem === undefined) throw e;
    io.err(`usha: ${problem}`);
    return 1;
  } finally {
    await log.close();
  }
};
