// The directory's first format: one JSON table, replaced whole through `<file>.<pid>.tmp`
// files that a crash could leave behind. Read once, to migrate; never written again.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onFile } from '../../durable/fileAccess.ts';
import { DirectoryCorruptError } from './directoryErrors.ts';
import type { SlotWrite } from './directoryStorage.ts';
import { destroyFile } from './durableFile.ts';

const LegacyRow = t.type({
  key: t.union([t.string, t.null]),
  record: t.string,
  forgottenOn: t.union([t.string, t.null]),
});
const LegacyTable = t.type({ members: t.record(t.string, LegacyRow) });

/** Whether `bytes` are a directory of the first format (a JSON object). */
export const isLegacyDirectory = (bytes: Buffer): boolean => bytes[0] === 0x7b; // '{'

/** The records of a first-format directory, as slots (a forgotten member keeps her date). */
export const legacySlots = (file: string, bytes: Buffer): SlotWrite[] => {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DirectoryCorruptError(file, 'not a member directory (JSON that does not parse)');
  }
  const table = LegacyTable.decode(json);
  if (E.isLeft(table)) throw new DirectoryCorruptError(file, 'not a member directory');
  return Object.entries(table.right.members).map(([memberId, row]) => row.key === null
    ? { memberId, key: null, record: null, forgottenOn: row.forgottenOn ?? '' }
    : { memberId, key: Buffer.from(row.key, 'base64'),
      record: Buffer.from(row.record, 'base64'), forgottenOn: null });
};

/**
 * Destroys the temporary files the first format left when killed mid-write (each a full copy
 * of the table, wrapped keys included): zeroed, then unlinked. Returns how many there were.
 */
export const destroyLegacyTemps = async (file: string): Promise<number> => {
  const prefix = `${basename(file)}.`;
  const names = await onFile(file, () => readdir(dirname(file)));
  const temps = names.filter((n) =>
    n.startsWith(prefix) && /^\d+\.tmp$/.test(n.slice(prefix.length)));
  for (const n of temps) await destroyFile(join(dirname(file), n));
  return temps.length;
};
