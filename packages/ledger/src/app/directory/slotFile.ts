import { constants } from 'node:fs';
import { onFile, openRegularFile, refuseAllButFileAt } from '../../durable/fileAccess.ts';
import {
  bodyDigest, decodeHeader, encodeHeader, isWholeFile,
} from './directoryHeader.ts';
import { DirectoryCorruptError } from './directoryErrors.ts';
import type { DirectoryStorage, SlotWrite } from './directoryStorage.ts';
import {
  destroyFile, readIfExists, replaceFile, writeNewFile,
} from './durableFile.ts';
import { recoverSlots, type SlotFix } from './recoverSlots.ts';
import { encodeSlot, slotSize, type Slot } from './slot.ts';

/** The name a whole new directory is written under before it replaces the live file. */
export const nextFileOf = (file: string): string => `${file}.next`;

const offsetOf = (pair: number, half: number) => slotSize + (2 * pair + half) * slotSize;

/**
 * Writes a whole directory beside `file`, synced, then replaces `file` by it (the old content
 * zeroed first). A crash before the new file is whole leaves the old one; after, the open
 * finishes the replacement (`finishReplacement`). Used to create, migrate and rotate.
 */
export const writeWholeDirectory = async (
  file: string, slots: readonly SlotWrite[], check: Buffer,
): Promise<void> => {
  const body = Buffer.concat(slots.flatMap((s) => {
    const first = encodeSlot({ ...s, seq: 1n });
    // A forgotten member's record is in both slots: no older version to scrub.
    return [first, s.key === null ? first : Buffer.alloc(slotSize)];
  }));
  const header = encodeHeader({ check, bodyHash: bodyDigest(body), bodyBytes: body.length });
  const next = nextFileOf(file);
  // Refused before a byte is written: else a whole copy would be left beside what it cannot
  // replace (a symbolic link, a device put at `file` since the open).
  await refuseAllButFileAt(file);
  await writeNewFile(next, Buffer.concat([header, body]));
  await replaceFile(next, file);
};

/** Completes a replacement a crash cut short, or destroys a new file that was never whole. */
export const finishReplacement = async (file: string): Promise<void> => {
  const next = nextFileOf(file);
  const bytes = await readIfExists(next);
  if (bytes === undefined) return;
  if (isWholeFile(bytes)) await replaceFile(next, file);
  else await destroyFile(next);
};

const applyFixes = async (file: string, fixes: readonly SlotFix[], length?: number) => {
  const h = await openRegularFile(file, constants.O_RDWR);
  try {
    await onFile(file, async () => {
      for (const f of fixes) await h.write(f.bytes, 0, f.bytes.length, f.offset);
      if (length !== undefined) await h.truncate(length);
      await h.sync();
    });
  } finally {
    await h.close();
  }
};

/**
 * The directory in `file` (whose bytes are `bytes`), recovered from any crash: see
 * `recoverSlots`. Every write is in place and synced before it returns.
 */
export const slotFileStorage = async (file: string, bytes: Buffer): Promise<DirectoryStorage> => {
  const header = decodeHeader(bytes);
  if (header === undefined) throw new DirectoryCorruptError(file, 'not a member directory');
  const r = recoverSlots(file, bytes.subarray(slotSize), slotSize);
  if (r.fixes.length > 0 || r.length !== bytes.length) await applyFixes(file, r.fixes, r.length);
  let check = header.check;
  let pairs = new Map<string, { pair: number; cur: 0 | 1; slot: Slot }>(
    r.pairs.map((p, pair) => [p.slot.memberId, { ...p, pair }]));
  const write: DirectoryStorage['write'] = async (s) => {
    const was = pairs.get(s.memberId);
    if (was === undefined) {
      const slot = { ...s, seq: 1n };
      const pair = pairs.size;
      await applyFixes(file, [{ offset: offsetOf(pair, 0),
        bytes: Buffer.concat([encodeSlot(slot), Buffer.alloc(slotSize)]) }]);
      pairs.set(s.memberId, { pair, cur: 0, slot });
      return;
    }
    const slot = { ...s, seq: was.slot.seq + 1n };
    const cur = was.cur === 0 ? 1 : 0;
    const bytes = encodeSlot(slot);
    await applyFixes(file, [{ offset: offsetOf(was.pair, cur), bytes }]);
    // Only once the new version is durable is the older one overwritten: a crash between
    // leaves the forgotten record current, and the open finishes the overwrite.
    if (slot.key === null) {
      await applyFixes(file, [{ offset: offsetOf(was.pair, was.cur), bytes }]);
    }
    pairs.set(s.memberId, { pair: was.pair, cur, slot });
  };
  const rewrite: DirectoryStorage['rewrite'] = async (slots, newCheck) => {
    await writeWholeDirectory(file, slots, newCheck);
    pairs = new Map(slots.map((s, pair) => [s.memberId,
      { pair, cur: 0 as const, slot: { ...s, seq: 1n } }]));
    check = newCheck;
  };
  return {
    check: () => check,
    current: (memberId) => pairs.get(memberId)?.slot,
    all: () => [...pairs.values()].sort((a, b) => a.pair - b.pair).map((p) => p.slot),
    write, rewrite,
  };
};
