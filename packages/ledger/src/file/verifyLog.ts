import { openRegularFile, readFlags } from '../durable/fileAccess.ts';
import { StoreCorruptError } from '../eventStore/errors.ts';
import {
  StoreOptionsError, checkedPath, readOptionFields,
} from '../eventStore/storeOptionFields.ts';
import { position, type Position } from '../eventStore/position.ts';
import { scanLog, type ScannedAppend, type TornTail } from './scanLog.ts';
import { signatureTally, type SignatureReport } from './signatureTally.ts';
import { loadPublicKey, type KeyInput } from './signingKeys.ts';

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
       * history up to that line is the one that hash was recorded from; `eventsAfter` events
       * were added since. Undefined if absent.
       */
      readonly anchor?: AnchorFound | undefined;
      /** The appends' signatures: counted, and checked if a public key was given. */
      readonly signatures: SignatureReport;
    }
  | {
      readonly ok: false;
      readonly line: number;
      readonly offset: number;
      readonly reason: string;
      /** Given when the chain is intact but, with a key, an append is not signed by it. */
      readonly signatures?: SignatureReport;
      readonly anchor?: AnchorFound | undefined;
    };

/** The line an anchor was found at, and how many events follow it. */
export interface AnchorFound {
  readonly line: number;
  readonly position: Position;
  readonly eventsAfter: number;
}

/** Options of `verifyLog`. */
export interface VerifyOptions {
  /** A last hash recorded at an earlier audit. */
  readonly anchor?: string;
  /** The writer's public key: every append must carry a signature it verifies. */
  readonly publicKey?: KeyInput;
  /** With `publicKey`: the last hash before signing began; appends up to it may be unsigned. */
  readonly signedAfter?: string;
  /** Hears of each whole append walked, in order: a caller's progress display. */
  readonly onAppend?: (append: ScannedAppend) => void;
}

/**
 * Verifies a log file with nothing but the file: every hash, every link, every revision; with
 * the writer's public key, every append's signature too (an unsigned or badly signed append
 * after `signedAfter`, if given, fails the check, naming its last line). Names the first bad
 * line. Opens the file read-only, so it may run beside a writer. With an `anchor` (a last hash
 * recorded at an earlier audit) it also says where that line is and how many events follow it.
 * @example const v = await verifyLog('usha.ndjson', { anchor: recordedHash, publicKey })
 */
export const verifyLog = async (
  file: string,
  given: VerifyOptions | null = {},
): Promise<VerifyResult> => {
  const options = verifyOptionsOf(file, given);
  const key = options.publicKey === undefined ? undefined : await loadPublicKey(options.publicKey);
  const tally = signatureTally(key, options.signedAfter);
  const handle = await openRegularFile(file, readFlags);
  try {
    const heard = options.onAppend;
    const onAppend = heard === undefined ? tally.onAppend
      : (a: ScannedAppend) => { tally.onAppend(a); heard(a); };
    const r = await scanLog(handle, file, undefined, options.anchor, onAppend);
    const at = (offset: number | undefined) =>
      offset === undefined ? undefined : position(BigInt(offset));
    const anchor = r.anchorLine === undefined ? undefined : {
      line: r.anchorLine.line, position: position(BigInt(r.anchorLine.offset)),
      eventsAfter: r.lines - r.anchorLine.line,
    };
    const signatures = tally.report();
    const anchored = options.anchor === undefined ? {} : { anchor };
    const fault = key === undefined ? undefined : signatures.firstFault;
    if (fault !== undefined) return { ok: false, ...fault, signatures, ...anchored };
    return {
      ok: true, lines: r.lines, lastHash: r.lastHash, tornTail: r.tornTail,
      lastPosition: at(r.lastLineOffset), ...anchored, signatures,
    };
  } catch (e) {
    if (!(e instanceof StoreCorruptError)) throw e;
    return { ok: false, line: e.where.line, offset: e.where.offset, reason: e.reason };
  } finally {
    await handle.close();
  }
};

// The file and options, each read once and checked (StoreOptionsError naming the field); null
// or undefined options are none.
const verifyOptionsOf = (file: unknown, given: unknown): VerifyOptions => {
  const refuse = (field: string, reason: string): never => {
    throw new StoreOptionsError('verifyLog', field, reason);
  };
  checkedPath('file', file, refuse);
  if (given === undefined || given === null) return {};
  const o = readOptionFields(given, ['anchor', 'publicKey', 'signedAfter', 'onAppend'], refuse);
  const hash = (field: string, v: unknown): string | undefined =>
    v === undefined || (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) ? v
      : refuse(field, 'not a hash of 64 hex digits');
  if (o.onAppend !== undefined && typeof o.onAppend !== 'function') {
    refuse('onAppend', 'not a function');
  }
  const anchor = hash('anchor', o.anchor);
  const signedAfter = hash('signedAfter', o.signedAfter);
  return {
    ...anchor === undefined ? {} : { anchor },
    ...signedAfter === undefined ? {} : { signedAfter },
    ...o.publicKey === undefined ? {} : { publicKey: o.publicKey as KeyInput },
    ...o.onAppend === undefined ? {} : { onAppend: o.onAppend as VerifyOptions['onAppend'] },
  } as VerifyOptions;
};
