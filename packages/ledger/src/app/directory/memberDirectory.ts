import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { randomBytes } from 'node:crypto';
import { seal, unseal } from './sealed.ts';
import type { DirectoryFile } from './directoryFile.ts';

/** A member's personal data: kept in the directory, never in the event log. */
export const MemberDetails = t.intersection([
  t.type({ name: t.string }),
  t.partial({ phone: t.string, address: t.string }),
], 'MemberDetails');
export type MemberDetails = t.TypeOf<typeof MemberDetails>;

/** What the directory holds for a member. */
export type DirectoryEntry =
  | { readonly status: 'present'; readonly details: MemberDetails }
  | { readonly status: 'forgotten'; readonly forgottenOn: string }
  | { readonly status: 'absent' };

/**
 * Names, phones and addresses, apart from the log: each member's record encrypted with her own
 * data key (AES-256-GCM), the data key wrapped by the directory's master key. Forgetting her
 * destroys her data key: the record stays, unreadable, while her ledger history is untouched.
 */
export interface MemberDirectory {
  readonly put: (memberId: string, details: MemberDetails) => Promise<void>;
  readonly get: (memberId: string) => Promise<DirectoryEntry>;
  /** Destroys her data key; `on` is the business date it was asked for. */
  readonly forget: (memberId: string, on: string) => Promise<void>;
}

/** One member's row: her wrapped data key (null once forgotten) and her sealed record. */
export const DirectoryRow = t.type({
  key: t.union([t.string, t.null]),
  record: t.string,
  forgottenOn: t.union([t.string, t.null]),
});
export type DirectoryRow = t.TypeOf<typeof DirectoryRow>;

/** The master key must be 32 bytes (AES-256). */
export class DirectoryKeyError extends Error {
  override readonly name = 'DirectoryKeyError';
}

/** A directory over a table of rows kept by `rows` (a file, or memory). */
export const memberDirectory = (masterKey: Buffer, rows: DirectoryFile): MemberDirectory => {
  if (masterKey.length !== 32) throw new DirectoryKeyError('the master key must be 32 bytes');
  const put: MemberDirectory['put'] = (memberId, details) => rows.update((table) => {
    const dataKey = randomBytes(32);
    const record = seal(dataKey, Buffer.from(JSON.stringify(MemberDetails.encode(details))),
      `record:${memberId}`);
    const key = seal(masterKey, dataKey, `key:${memberId}`);
    dataKey.fill(0);
    return { ...table, [memberId]: { key, record, forgottenOn: null } };
  });
  const get: MemberDirectory['get'] = async (memberId) => {
    const table = await rows.read();
    const row = Object.hasOwn(table, memberId) ? table[memberId] : undefined;
    if (row === undefined) return { status: 'absent' };
    if (row.key === null) return { status: 'forgotten', forgottenOn: row.forgottenOn ?? '' };
    const dataKey = unseal(masterKey, row.key, `key:${memberId}`);
    const json: unknown = JSON.parse(unseal(dataKey, row.record, `record:${memberId}`)
      .toString('utf8'));
    dataKey.fill(0);
    const details = MemberDetails.decode(json);
    if (E.isLeft(details)) throw new Error(`directory record of ${memberId} is not readable`);
    return { status: 'present', details: details.right };
  };
  const forget: MemberDirectory['forget'] = (memberId, on) => rows.update((table) => {
    const row = Object.hasOwn(table, memberId) ? table[memberId] : undefined;
    if (row === undefined) return table;
    return { ...table, [memberId]: { key: null, record: row.record, forgottenOn: on } };
  });
  return { put, get, forget };
};
