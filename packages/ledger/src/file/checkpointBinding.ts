import type { FileHandle } from 'node:fs/promises';
import { checkLine } from './checkedLine.ts';
import { linePrefixBytes, signatureOf } from './lineFormat.ts';
import { readLineBytesAt } from './readLineAt.ts';
import type { IndexCheckpoint } from './fileIndexCheckpoint.ts';
import type { ScannedAppend } from './scanLog.ts';

/** The last append a checkpoint covers, read back from the log. */
export type BoundEnd = ScannedAppend | undefined;

const batchOf = (content: unknown): { index: unknown; size: unknown } => ({
  index: Reflect.get(Object(content), 'batchIndex'),
  size: Reflect.get(Object(content), 'batchSize'),
});

/**
 * Reads back the line `offset` starts: its hash (its content's SHA-256 checked), its
 * signature, whether it ends an append and where it ends; or why it is not a log line.
 */
export const lineAt = async (handle: FileHandle, offset: number) => {
  const bytes = await readLineBytesAt(handle, offset).catch(() => undefined);
  if (bytes === undefined) return 'no complete line there';
  const end = offset + bytes.length + 1;
  const checked = checkLine(bytes, 0, bytes.length);
  if (typeof checked === 'string') return checked;
  const signed = checked.brace !== linePrefixBytes - 1;
  const batch = batchOf(JSON.parse(bytes.toString('utf8', checked.brace)));
  return {
    hash: checked.hash, end, signature: signed ? signatureOf(bytes, 0) : undefined,
    endsAppend: typeof batch.size === 'number' && batch.index === batch.size - 1,
    events: typeof batch.size === 'number' ? batch.size : 0,
  };
};

/**
 * Whether a checkpoint belongs to the log open on `handle`: the log is at least as long, and
 * the line at its last-line offset is there, ends where it ends, and still has its hash (read
 * back and hashed). Since each hash covers every line before it, that line stands for the
 * history the checkpoint was taken from. Returns the last append it covers, or why not.
 */
export const bindCheckpoint = async (
  handle: FileHandle, c: IndexCheckpoint,
): Promise<{ readonly end: BoundEnd } | string> => {
  const { size } = await handle.stat();
  if (size < c.endOffset) return `the log (${size} bytes) is shorter than it (${c.endOffset})`;
  if (c.lastLineOffset === undefined) return { end: undefined };
  const line = await lineAt(handle, c.lastLineOffset);
  const differs = 'the line at its last line\'s offset is not the one it recorded'
    + ' (another log, or changed)';
  if (typeof line === 'string' || line.end !== c.endOffset || line.hash !== c.lastHash
    || !line.endsAppend) return differs;
  const { signature, events } = line;
  return {
    end: {
      line: c.lines, offset: c.lastLineOffset, events, hash: line.hash, signature,
      afterAnchor: false,
    },
  };
};
