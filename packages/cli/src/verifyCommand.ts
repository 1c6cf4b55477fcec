import {
  logEnd, notALogLine, positionToString, verifyLog, type AnchorFound, type SignatureReport,
  type TornTail,
} from '@usha/ledger';
import { open, stat } from 'node:fs/promises';
import type { CliIo } from './cliIo.ts';
import { logFileProblem } from './fileProblem.ts';
import { replayProgress } from './replayProgress.ts';

const notALog = notALogLine;
const notALogText = (file: string) =>
  `${file}: not an event log (its first line is not a log line).`;

// A log whose every byte is an unfinished first line: a log's first append cut by a crash if
// it begins as every log line does, anything else (a JSON file, a binary file) if not.
const beginsAsALog = async (file: string): Promise<boolean> => {
  const prefix = Buffer.from('{"hash":"');
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(prefix.length), 0,
      prefix.length, 0);
    return bytesRead === prefix.length && buffer.equals(prefix);
  } finally {
    await handle.close();
  }
};

// What a log with no complete line holds: nothing, an unfinished first append, or no log.
const noEvent = async (file: string, torn: TornTail | undefined): Promise<string> => {
  if (torn === undefined) return `${file}: holds no event: the file is empty.`;
  if (!(await beginsAsALog(file))) return notALogText(file);
  return `${file}: holds no event: its first append was never finished (${torn.reason}).`;
};

// One line on the appends' signatures: checked with the key, or only counted without one.
const signatureLine = (s: SignatureReport): string => {
  const first = (at: { line: number } | undefined) =>
    at === undefined ? '' : ` (first ending at line ${at.line})`;
  if (!s.checked) {
    return `Signatures not checked (no --key): ${s.signed} appends carry one, `
      + `${s.unsigned} do not.`;
  }
  return `Signatures: ${s.signed} appends signed by the key, ${s.unsigned} unsigned`
    + `${first(s.firstUnsigned)}, ${s.badlySigned} badly signed${first(s.firstBadlySigned)}.`;
};

const anchorLine = (anchor: string, found: AnchorFound, s: SignatureReport | undefined) => {
  const since = `${found.eventsAfter} event(s) added since`;
  const signed = s === undefined || !s.checked ? ''
    : s.notSignedAfterAnchor === 0 ? ', all signed by the key'
      : `, NOT all signed by the key: ${s.notSignedAfterAnchor} append(s) not, the first `
        + `ending at line ${s.firstNotSignedAfterAnchor?.line ?? 0}`;
  return `Anchor ${anchor} is line ${found.line}, at ${positionToString(found.position)}: `
    + `the history up to it is unchanged; ${since}${signed}.`;
};

const missingAnchor = (anchor: string) => `Anchor ${anchor} is on no line: the history it was `
  + 'recorded from has been changed, or it belongs to another log.';

/**
 * `usha verify`: walks the chain, and with `--key` checks every append's signature; 0 if the
 * log is intact (every append signed by the key, if given; the anchor found, if given). A walk
 * longer than a second shows its progress on `io.progress` (a terminal only); `clock` is for
 * tests.
 */
export const verifyCommand = async (
  c: {
    readonly file: string;
    readonly anchor?: string;
    readonly key?: string;
    readonly signedAfter?: string;
  },
  io: CliIo,
  clock: { readonly nowMs?: () => number } = {},
): Promise<number> => {
  const problem = await logFileProblem(c.file)
    ?? (c.key === undefined ? undefined : await logFileProblem(c.key, 'key file'));
  if (problem !== undefined) {
    io.err(`usha: ${problem}`);
    return 1;
  }
  const progress = replayProgress({ sink: io.progress,
    nowMs: clock.nowMs ?? (() => performance.now()),
    // The log's end, not the file's size: that counts the space set aside ahead of a log being
    // written (or left by a crash), and the line would stop short of the end.
    fileBytes: await logEnd(c.file).catch(async () => (await stat(c.file)).size),
    doing: 'Verifying' });
  let v: Awaited<ReturnType<typeof verifyLog>>;
  try {
    v = await verifyLog(c.file, {
      ...(c.anchor === undefined ? {} : { anchor: c.anchor }),
      ...(c.key === undefined ? {} : { publicKey: { file: c.key } }),
      ...(c.signedAfter === undefined ? {} : { signedAfter: c.signedAfter }),
      // Counted an event at a time, so that the line is redrawn as often as a report's.
      onAppend: (a) => {
        const at = BigInt(a.offset);
        for (let i = 0; i < a.events; i++) progress.onEvent(at);
      },
    });
  } finally {
    progress.done();
  }
  if (!v.ok && v.signatures === undefined) {
    if (v.line === 1 && v.reason === notALog) {
      io.out(notALogText(c.file));
      return 1;
    }
    io.out(`${c.file}: BROKEN at line ${v.line} (byte ${v.offset}): ${v.reason}.`);
    return 1;
  }
  if (!v.ok) {
    // A --signed-after found on no line: nothing can be said of the appends after it.
    io.out(v.line === 0 ? `${c.file}: hash chain intact, but --signed-after `
      + `${c.signedAfter ?? ''} is the hash of no append in it: which appends must be signed `
      + 'is not known.'
      : `${c.file}: hash chain intact, but NOT SIGNED BY THE KEY at line ${v.line} `
      + `(byte ${v.offset}): ${v.reason}.`);
    if (v.signatures !== undefined) io.out(signatureLine(v.signatures));
    if (c.anchor !== undefined) {
      io.out(v.anchor === undefined ? missingAnchor(c.anchor)
        : anchorLine(c.anchor, v.anchor, v.signatures));
    }
    return 1;
  }
  if (v.lines === 0) {
    io.out(await noEvent(c.file, v.tornTail));
    return 1;
  }
  io.out(`${c.file}: ${v.lines} events, hash chain intact.`);
  if (v.lastPosition !== undefined) {
    io.out(`Last event at ${positionToString(v.lastPosition)}; last hash ${v.lastHash}.`);
  }
  io.out(signatureLine(v.signatures));
  if (v.tornTail !== undefined) {
    const t = v.tornTail;
    io.out(`After them, from line ${t.line} (byte ${t.offset}): ${t.reason}; never `
      + 'acknowledged, and cut off when the log is next opened for writing.');
  }
  if (c.anchor === undefined) return 0;
  if (v.anchor === undefined) {
    io.out(missingAnchor(c.anchor));
    return 1;
  }
  io.out(anchorLine(c.anchor, v.anchor, v.signatures));
  return 0;
};
