import { open } from 'node:fs/promises';
import { StoreCorruptError } from '../eventStore/errors.ts';
import { position, type Position } from '../eventStore/position.ts';
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
      /** The last event's position (what `asKnownAt` takes); undefined for an empty log. */
      readonly lastPosition: Position | undefined;
      /**
       * Where the line with the anchor's hash is, when one was asked for: found means the
       * history up to that line is the one that hash was recorded from. Undefined if absent.
       */
      readonly anchor?: { readonly line: number; readonly position: Position } | undefined;
    }
  | { readonly ok: false; readonly line: number; readonly offset: number; readonly reason: string };

/**
 * Verifies a log file with nothing but the file: every hash, every link, every revision.
 * Names the first bad line. Opens the file read-only, so it may run beside a writer. With an
 * `anchor` (a last hash recorded at an earlier audit) it also says where that line is.
 * @example const v = await verifyLog('usha.ndjson', { anchor: recordedHash })
 */
export const verifyLog = async (
  file: string,
  options: { readonly anchor?: string } = {},
): Promise<VerifyResult> => {
  const handle = await open(file, 'r');
  try {
    const r = await scanLog(handle, file, undefined, options.anchor);
    const at = (offset: number | undefined) =>
      offset === undefined ? undefined : position(BigInt(offset));
    const anchor = r.anchorLine === undefined ? undefined
      : { line: r.anchorLine.line, position: position(BigInt(r.anchorLine.offset)) };
    return {
      ok: true, lines: r.lines, lastHash: r.lastHash, tornTail: r.tornTail,
      lastPosition: at(r.lastLineOffset),
      ...(options.anchor === undefined ? {} : { anchor }),
    };
  } catch (e) {
    if (!(e instanceof StoreCorruptError)) throw e;
    return { ok: false, line: e.where.line, offset: e.where.offset, reason: e.reason };
  } finally {
    await handle.close();
  }
};
