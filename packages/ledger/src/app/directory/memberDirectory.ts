import * as E from 'fp-ts/lib/Either.js';
import { randomBytes } from 'node:crypto';
import { checkAad } from './directoryHeader.ts';
import {
  DirectoryClosedError, MemberNotInDirectoryError, MissingMasterKeyError, WrongMasterKeyError,
} from './directoryErrors.ts';
import type { NomineeRef } from '@usha/domain';
import type { DirectoryStorage, SlotWrite } from './directoryStorage.ts';
import { checkedKey, keyBytesOf, opensCheck } from './masterKey.ts';
import { seal, unseal } from './sealed.ts';
import {
  forgottenOnOf, memberDetailsOf, memberIdOf, nomineeCommandIdOf, nomineeDetailsOf,
} from './directoryInput.ts';
import { MemberDetails } from './memberDetails.ts';
import {
  nomineesIn, nomineesOf, withNominee, type NomineeDetails, type NomineesEntry,
  type StoredNominees,
} from './nomineeRecords.ts';
import {
  decodeTdsExemption, tdsExemptionsIn, type StoredTdsExemptions, type TdsExemption,
} from './tdsExemptions.ts';

export { DirectoryKeyError } from './directoryErrors.ts';

export { MemberDetails } from './memberDetails.ts';

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
  /**
   * Adds a nominee to her record (sealed with it, forgotten with it) and returns the reference
   * the log may hold; the same `commandId` again returns the same reference, adding nothing.
   * Refused (`MemberNotInDirectoryError`) when the directory holds no readable record of her.
   */
  readonly putNominee: (memberId: string, commandId: string, nominee: NomineeDetails) =>
    Promise<NomineeRef>;
  /** Her nominees' details by reference, or why there are none to read. */
  readonly nominees: (memberId: string) => Promise<NomineesEntry>;
  /**
   * Keeps her Form 15G/15H declaration for a financial year in her record (sealed and forgotten
   * with it); refused (`MemberNotInDirectoryError`) without a readable record of her.
   */
  readonly recordTdsExemption: (memberId: string, e: TdsExemption) => Promise<void>;
  /** Whether she declared for `financialYear`: false for a member forgotten or absent. */
  readonly tdsExempt: (memberId: string, financialYear: string) => Promise<boolean>;
  /** Destroys her data key; `on` is the business date it was asked for. */
  readonly forget: (memberId: string, on: string) => Promise<void>;
  /**
   * Re-wraps every live member's data key under a new master key in one atomic step, then
   * destroys the old key where the directory holds it (a key file); a copy of the directory
   * taken before then opens with the old key only. `newKey` is required unless the key is a
   * key file (then a fresh key is made when it is omitted).
   */
  readonly rotateMasterKey: (newKey?: Uint8Array) => Promise<void>;
  /**
   * Finishes the writes already asked for, forgets the master key and gives back the lock, so
   * the directory may be opened again (here or by another process). Every call after it is
   * refused with DirectoryClosedError; closing again returns the same promise.
   */
  readonly close: () => Promise<void>;
}

/** Who keeps the master key, for a rotation: where the new key goes, how the old one ends. */
export interface KeyCustody {
  /** Stores the new key (given, or made here) before anything is re-wrapped; returns it. */
  readonly prepare: (newKey?: Buffer) => Promise<Buffer>;
  /** Destroys the old key, once every record is wrapped under the new one. */
  readonly commit: () => Promise<void>;
}

/** Custody of a key the app holds: it gives the new key, keeps it, and retires the old. */
export const appCustody: KeyCustody = {
  prepare: (newKey) => newKey === undefined
    ? Promise.reject(new MissingMasterKeyError('rotateMasterKey',
      'give the new key: the directory stores a key itself only in a key file'))
    : Promise.resolve(checkedKey(newKey, 'the new master key')),
  commit: () => Promise.resolve(),
};

/** A sealed check value of `key`: how the directory recognises its master key. */
export const checkValueOf = (key: Buffer): Buffer => seal(key, Buffer.alloc(32), checkAad);

// What a record holds, read.
type Read =
  | { readonly status: 'present'; readonly details: MemberDetails;
    readonly nominees: StoredNominees; readonly exemptions: StoredTdsExemptions }
  | { readonly status: 'forgotten'; readonly forgottenOn: string }
  | { readonly status: 'absent' };

// Only the fields MemberDetails names (a decoded record may carry its nominees beside them).
const onlyDetails = (d: MemberDetails): MemberDetails => ({ name: d.name,
  ...(d.phone === undefined ? {} : { phone: d.phone }),
  ...(d.address === undefined ? {} : { address: d.address }) });

const keyAad = (memberId: string) => `key:${memberId}`;
const recordAad = (memberId: string) => `record:${memberId}`;

/** A directory over `storage`, whose records are wrapped under `masterKey`. */
export const memberDirectory = (masterKey: Buffer, storage: DirectoryStorage,
  o: { readonly name: string; readonly source: string; readonly custody: KeyCustody;
    readonly release?: () => Promise<void> },
): MemberDirectory => {
  let master = Buffer.from(checkedKey(masterKey, o.source));
  if (!opensCheck(master, storage.check())) throw new WrongMasterKeyError(o.name, o.source);
  let queue: Promise<void> = Promise.resolve();
  // One write at a time: each is synced before the next begins.
  const serial = (f: () => Promise<void>): Promise<void> => {
    const next = queue.then(f);
    queue = next.catch(() => undefined);
    return next;
  };
  // Her record, details and nominees in one sealed JSON: a nominee is written, and forgotten,
  // with the member in one slot write (the directory's crash-safe step).
  const write = async (memberId: string, details: MemberDetails, nominees: StoredNominees,
    exemptions: StoredTdsExemptions) => {
    const dataKey = randomBytes(32);
    const json = { ...onlyDetails(details),
      ...(Object.keys(nominees).length === 0 ? {} : { nominees }),
      ...(Object.keys(exemptions).length === 0 ? {} : { tdsExemptions: exemptions }) };
    const record = seal(dataKey, Buffer.from(JSON.stringify(json)), recordAad(memberId));
    const key = seal(master, dataKey, keyAad(memberId));
    dataKey.fill(0);
    await storage.write({ memberId, key, record, forgottenOn: null });
  };
  // Set by close(), at once: a call after it is refused before it reads or queues anything.
  let closing: Promise<void> | undefined;
  // Set once the key is wiped: a read queued before close() but run after it is refused too.
  let shut = false;
  const refusedIfClosed = (method: string): Promise<never> | undefined =>
    closing === undefined ? undefined : Promise.reject(new DirectoryClosedError(o.name, method));
  const read = (memberId: string): Read => {
    if (shut) throw new DirectoryClosedError(o.name, 'read');
    const slot = storage.current(memberId);
    if (slot === undefined) return { status: 'absent' };
    if (slot.key === null || slot.record === null) {
      return { status: 'forgotten', forgottenOn: slot.forgottenOn ?? '' };
    }
    const dataKey = unseal(master, slot.key, keyAad(memberId));
    const json: unknown = JSON.parse(unseal(dataKey, slot.record, recordAad(memberId))
      .toString('utf8'));
    dataKey.fill(0);
    const details = MemberDetails.decode(json);
    if (E.isLeft(details)) throw new Error(`directory record of ${memberId} is not readable`);
    return { status: 'present', details: onlyDetails(details.right), nominees: nomineesIn(json),
      exemptions: tdsExemptionsIn(json) };
  };
  // What is given checked when given, before anything is queued: a refusal rejects, and a
  // record is only ever written in the form the directory reads back.
  const checkedFirst = <A>(check: () => A, run: (a: A) => Promise<void>): Promise<void> => {
    let a: A;
    try {
      a = check();
    } catch (e) {
      return Promise.reject(e);
    }
    return serial(() => run(a));
  };
  // Her details replaced; her nominees and declarations kept.
  const put: MemberDirectory['put'] = (memberId, details) => checkedFirst(() => {
    const id = memberIdOf(memberId);
    return { id, d: memberDetailsOf(id, details) };
  }, async ({ id, d }) => {
    const r = read(id);
    await write(id, d, r.status === 'present' ? r.nominees : {},
      r.status === 'present' ? r.exemptions : {});
  });
  const get: MemberDirectory['get'] = async (memberId) => {
    memberIdOf(memberId);
    await queue;
    const r = read(memberId);
    return r.status === 'present' ? { status: 'present', details: r.details } : r;
  };
  // Checked when given, as her details are: a nominee the directory could not read back would
  // make her whole record unreadable.
  const putNominee: MemberDirectory['putNominee'] = (memberId, commandId, nominee) => {
    let ref: NomineeRef | undefined;
    return checkedFirst(() => {
      const id = memberIdOf(memberId);
      return { id, command: nomineeCommandIdOf(id, commandId),
        details: nomineeDetailsOf(id, nominee) };
    }, async ({ id, command, details }) => {
      const r = read(id);
      if (r.status !== 'present') throw new MemberNotInDirectoryError(id, r.status);
      const next = withNominee(r.nominees, command, details);
      ref = next.ref;
      if (next.added) await write(id, r.details, next.nominees, r.exemptions);
    }).then(() => {
      if (ref === undefined) throw new Error('unreachable: a nominee written without a ref');
      return ref;
    });
  };
  const nominees: MemberDirectory['nominees'] = async (memberId) => {
    memberIdOf(memberId);
    await queue;
    const r = read(memberId);
    return r.status === 'present' ? { status: 'present', nominees: nomineesOf(r.nominees) } : r;
  };
  const recordTdsExemption: MemberDirectory['recordTdsExemption'] = (memberId, e) =>
    checkedFirst(() => decodeTdsExemption(memberId, e), async (d) => {
      const r = read(memberId);
      if (r.status !== 'present') throw new MemberNotInDirectoryError(memberId, r.status);
      await write(memberId, r.details, r.nominees,
        { ...r.exemptions, [d.financialYear]: d.form });
    });
  const tdsExempt: MemberDirectory['tdsExempt'] = async (memberId, financialYear) => {
    memberIdOf(memberId);
    await queue;
    const r = read(memberId);
    return r.status === 'present' && Object.hasOwn(r.exemptions, financialYear);
  };
  const forget: MemberDirectory['forget'] = (memberId, on) => checkedFirst(() => {
    const id = memberIdOf(memberId);
    return { id, day: forgottenOnOf(id, on) };
  }, async ({ id, day }) => {
    const slot = storage.current(id);
    if (slot === undefined || slot.key === null) return;
    await storage.write({ memberId: id, key: null, record: null, forgottenOn: day });
  });
  // The new key read and copied at the call, bytes only: a string is no key, and a buffer the
  // caller wipes once the call returns must not be read later, when the rotation runs.
  const rotateMasterKey: MemberDirectory['rotateMasterKey'] = (newKey) => checkedFirst(
    () => (newKey === undefined ? undefined : keyBytesOf(newKey, 'the new master key')),
    async (given) => {
      const next = await o.custody.prepare(given);
      const slots = storage.all().map((s): SlotWrite => {
        if (s.key === null) return s;
        const dataKey = unseal(master, s.key, keyAad(s.memberId));
        const key = seal(next, dataKey, keyAad(s.memberId));
        dataKey.fill(0);
        return { ...s, key };
      });
      await storage.rewrite(slots, checkValueOf(next));
      master.fill(0);
      master = Buffer.from(next);
      await o.custody.commit();
    });
  const close: MemberDirectory['close'] = () => {
    closing ??= queue.then(async () => {
      shut = true;
      master.fill(0);
      await o.release?.();
    });
    return closing;
  };
  // Each method refused once the directory is closed, before its arguments are read.
  const whileOpen = <F extends (...args: never[]) => Promise<unknown>>(method: string, f: F): F =>
    ((...args: Parameters<F>) => refusedIfClosed(method) ?? f(...args)) as F;
  return {
    put: whileOpen('put', put), get: whileOpen('get', get),
    putNominee: whileOpen('putNominee', putNominee), nominees: whileOpen('nominees', nominees),
    recordTdsExemption: whileOpen('recordTdsExemption', recordTdsExemption),
    tdsExempt: whileOpen('tdsExempt', tdsExempt), forget: whileOpen('forget', forget),
    rotateMasterKey: whileOpen('rotateMasterKey', rotateMasterKey), close,
  };
};
