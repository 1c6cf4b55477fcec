import { positionToString, verifyLog } from '@usha/ledger';
import type { CliIo } from './cliIo.ts';

/** `usha verify`: walks the chain; 0 if intact (and the anchor found, if one was given). */
export const verifyCommand = async (
  c: { readonly file: string; readonly anchor?: string },
  io: CliIo,
): Promise<number> => {
  const v = await verifyLog(c.file, c.anchor === undefined ? {} : { anchor: c.anchor });
  if (!v.ok) {
    io.out(`${c.file}: BROKEN at line ${v.line} (byte ${v.offset}): ${v.reason}.`);
    return 1;
  }
  io.out(`${c.file}: ${v.lines} events, hash chain intact.`);
  if (v.lastPosition !== undefined) {
    io.out(`Last event at ${positionToString(v.lastPosition)}; last hash ${v.lastHash}.`);
  }
  if (v.tornTail !== undefined) {
    const t = v.tornTail;
    io.out(`After them, from line ${t.line} (byte ${t.offset}): ${t.reason}; never `
      + 'acknowledged, and cut off when the log is next opened for writing.');
  }
  if (c.anchor === undefined) return 0;
  if (v.anchor === undefined) {
    io.out(`Anchor ${c.anchor} is on no line: the history it was recorded from has been `
      + 'changed, or it belongs to another log.');
    return 1;
  }
  io.out(`Anchor ${c.anchor} is line ${v.anchor.line}, at `
    + `${positionToString(v.anchor.position)}: the history up to it is unchanged.`);
  return 0;
};
