import { DirectoryCorruptError } from './directoryErrors.ts';
import { decodeSlot, encodeSlot, slotSize, type Slot } from './slot.ts';

/** A member's two slots: which one is current, and what it holds. */
export interface SlotPair {
  readonly cur: 0 | 1;
  readonly slot: Slot;
}

/** A write that repairs the file: `bytes` at `offset`. */
export interface SlotFix {
  readonly offset: number;
  readonly bytes: Buffer;
}

/** What a file's body holds once recovered, and the writes that make the file say so. */
export interface RecoveredSlots {
  readonly pairs: readonly SlotPair[];
  readonly fixes: readonly SlotFix[];
  /** Where the file ends once a torn last record is cut (after zeroing it). */
  readonly length: number;
}

const pairBytes = 2 * slotSize;
const slotAt = (body: Buffer, from: number): Buffer => {
  const b = Buffer.alloc(slotSize);
  body.copy(b, 0, Math.min(from, body.length), Math.min(from + slotSize, body.length));
  return b;
};
const isZero = (b: Buffer) => b.every((x) => x === 0);

const currentOf = (file: string, p: number, a?: Slot, b?: Slot): SlotPair | undefined => {
  if (a !== undefined && b !== undefined && a.memberId !== b.memberId) {
    throw new DirectoryCorruptError(file, `record pair ${p} holds two members`);
  }
  if (a === undefined) return b === undefined ? undefined : { cur: 1, slot: b };
  return b !== undefined && b.seq > a.seq ? { cur: 1, slot: b } : { cur: 0, slot: a };
};

/**
 * Reads the body (after the header at `base`): each member's current record, and the fixes a
 * crash calls for. A torn last pair is zeroed and cut; a slot torn mid-write is zeroed; the
 * older slot of a forgotten member gets the forgotten record too, so no version of her wrapped
 * key outlives the forgetting. Only the last pair can be wholly unreadable after a crash:
 * anywhere else that is damage, refused with DirectoryCorruptError.
 */
export const recoverSlots = (file: string, body: Buffer, base: number): RecoveredSlots => {
  const raws = Array.from({ length: Math.ceil(body.length / pairBytes) }, (_, p) =>
    [slotAt(body, p * pairBytes), slotAt(body, p * pairBytes + slotSize)] as const);
  const found = raws.map(([a, b], p) => currentOf(file, p, decodeSlot(a), decodeSlot(b)));
  let kept = found.length;
  while (kept > 0 && found[kept - 1] === undefined) kept--;
  const fixes: SlotFix[] = [];
  const end = kept * pairBytes;
  if (body.length > end) {
    fixes.push({ offset: base + end, bytes: Buffer.alloc(body.length - end) });
  }
  if (body.length < end) fixes.push({ offset: base + body.length,
    bytes: Buffer.alloc(end - body.length) });
  const pairs: SlotPair[] = [];
  const seen = new Set<string>();
  for (let p = 0; p < kept; p++) {
    const pair = found[p];
    if (pair === undefined) {
      throw new DirectoryCorruptError(file, `record pair ${p} is unreadable`);
    }
    if (seen.has(pair.slot.memberId)) {
      throw new DirectoryCorruptError(file, `member ${pair.slot.memberId} is held twice`);
    }
    seen.add(pair.slot.memberId);
    pairs.push(pair);
    const other = raws[p]?.[1 - pair.cur] ?? Buffer.alloc(slotSize);
    const offset = base + p * pairBytes + (1 - pair.cur) * slotSize;
    const mirror = encodeSlot(pair.slot);
    if (pair.slot.key === null && !other.equals(mirror)) fixes.push({ offset, bytes: mirror });
    else if (decodeSlot(other) === undefined && !isZero(other)) {
      fixes.push({ offset, bytes: Buffer.alloc(slotSize) });
    }
  }
  return { pairs, fixes, length: base + end };
};
