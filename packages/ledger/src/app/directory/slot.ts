import { createHash } from 'node:crypto';
import { DirectoryFieldError, DirectoryRecordTooLargeError } from './directoryErrors.ts';

/**
 * One version of a member's record, as a fixed-size slot of the directory file. A member has
 * two slots, written in turn, so a torn write only ever damages the one not in use.
 */
export interface Slot {
  readonly memberId: string;
  /** Raised by each write of her record; the valid slot with the higher one is current. */
  readonly seq: bigint;
  /** Her data key, sealed by the master key; null once she is forgotten. */
  readonly key: Buffer | null;
  /** Her details, sealed by her data key; null once she is forgotten. */
  readonly record: Buffer | null;
  readonly forgottenOn: string | null;
}

/** Bytes per slot. Two per member; the file's first slot-sized block is its header. */
export const slotSize = 2048;
const magic = 0x55535231; // 'USR1'
const idBytes = 128;
const dateBytes = 32;
const keyBytes = 60; // a sealed 32-byte key: nonce, tag, key
const at = { seq: 4, status: 12, idLength: 13, recordLength: 14, dateLength: 16, date: 17,
  id: 17 + dateBytes, key: 17 + dateBytes + idBytes, record: 17 + dateBytes + idBytes + keyBytes };
const hashAt = slotSize - 32;
/** The largest sealed record a slot holds. */
export const maxSealedRecordBytes = hashAt - at.record;

const digest = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

const fit = (memberId: string, field: string, value: string, max: number): Buffer => {
  const b = Buffer.from(value, 'utf8');
  if (b.length > max) throw new DirectoryFieldError(memberId, field, `exceeds ${max} bytes`);
  return b;
};

/** The slot's bytes: fields, zero padding, then the SHA-256 of all before it. */
export const encodeSlot = (s: Slot): Buffer => {
  const b = Buffer.alloc(slotSize);
  const id = fit(s.memberId, 'member id', s.memberId, idBytes);
  const date = fit(s.memberId, 'forgottenOn', s.forgottenOn ?? '', dateBytes);
  const record = s.record ?? Buffer.alloc(0);
  if (record.length > maxSealedRecordBytes) {
    throw new DirectoryRecordTooLargeError(s.memberId, record.length, maxSealedRecordBytes);
  }
  if (s.key !== null && s.key.length !== keyBytes) throw new Error('a sealed key is 60 bytes');
  b.writeUInt32BE(magic, 0);
  b.writeBigUInt64BE(s.seq, at.seq);
  b.writeUInt8(s.key === null ? 2 : 1, at.status);
  b.writeUInt8(id.length, at.idLength);
  b.writeUInt16BE(record.length, at.recordLength);
  b.writeUInt8(date.length, at.dateLength);
  date.copy(b, at.date);
  id.copy(b, at.id);
  s.key?.copy(b, at.key);
  record.copy(b, at.record);
  digest(b.subarray(0, hashAt)).copy(b, hashAt);
  return b;
};

/** The slot in `b`, or undefined if it is empty, torn or damaged (its hash does not match). */
export const decodeSlot = (b: Buffer): Slot | undefined => {
  if (b.length !== slotSize || b.readUInt32BE(0) !== magic) return undefined;
  if (!digest(b.subarray(0, hashAt)).equals(b.subarray(hashAt))) return undefined;
  const status = b.readUInt8(at.status);
  const text = (from: number, length: number) =>
    b.subarray(from, from + length).toString('utf8');
  const memberId = text(at.id, b.readUInt8(at.idLength));
  const date = text(at.date, b.readUInt8(at.dateLength));
  const seq = b.readBigUInt64BE(at.seq);
  if (status === 2) return { memberId, seq, key: null, record: null, forgottenOn: date };
  const record = Buffer.from(b.subarray(at.record, at.record + b.readUInt16BE(at.recordLength)));
  const key = Buffer.from(b.subarray(at.key, at.key + keyBytes));
  return { memberId, seq, key, record, forgottenOn: null };
};
