import { open } from 'node:fs/promises';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { scanLog, type TornTail } from './scanLog.ts';

/** The outcome of walking a whole log. */
export type VerifyResult =
  | {
      readonly ok: true;
      readonly lines: number;
      /** Hash of the last line: compare it with the value an auditor recorded earlier. */
      readonly lastHash: string;
      /** An unfinished last append (a crash, or a writer still writing); not an event. */
      readonly tornTail: TornTail | undefined;
    }
  | { readonly ok: false; readonly line: number; readonly offset: number; readonly reason: string };

/**
 * Verifies a log file with nothing but the file: every hash, every link, every revision.
 * Names the first bad line. Opens the file read-only, so it may run beside a writer.
 */
export const verifyLog = async (file: string): Promise<VerifyResult> => {
  const handle = await open(file, 'r');
  try {
    const r = await scanLog(handle, file);
    return { ok: true, lines: r.lines, lastHash: r.lastHash, tornTail: r.tornTail };
  } catch (e) {
    if (!(e instanceof StoreCorruptError)) throw e;
    return { ok: false, line: e.where.line, offset: e.where.offset, reason: e.reason };
  } finally {
    await handle.close();
  }
};
