import type { FileHandle } from 'node:fs/promises';
import { lineAt, type BoundEnd } from './checkpointBinding.ts';
import type { IndexCheckpoint } from './fileIndexCheckpoint.ts';
import type { LineDigests } from './lineDigests.ts';
import type { RequirementSeed } from './signatureRequirement.ts';

/**
 * What a verify key asks of the appends a checkpoint covers, from the checkpoint (signed by the
 * writer's key, so its facts are the writer's): no append unsigned after `signedAfter` (or at
 * all, without it), found among its lines by digest and read back. Returns what the walk of
 * the lines after it starts from, or why the checkpoint cannot tell (the log is then scanned,
 * and a fault refused there, as without a checkpoint).
 */
export const signatureSeed = async (o: {
  readonly handle: FileHandle;
  readonly checkpoint: IndexCheckpoint;
  readonly digests: LineDigests;
  readonly end: BoundEnd;
  readonly signedAfter: string | undefined;
}): Promise<RequirementSeed | string> => {
  const { checkpoint: c, signedAfter } = o;
  const unsigned = 'an append it covers is not signed';
  if (signedAfter === undefined) {
    return c.lastUnsignedLine > 0 ? unsigned : { started: true, last: o.end };
  }
  // signedAfter is the caller's text: a digest match is only a candidate until the line, read
  // back and hashed, has exactly that hash.
  for (const i of o.digests.linesMatching(signedAfter)) {
    const line = await lineAt(o.handle, c.index.lines.data[i] ?? 0);
    if (typeof line === 'string' || line.hash !== signedAfter || !line.endsAppend) continue;
    if (c.lastUnsignedLine > i + 1) return `${unsigned} after signedAfter`;
    return { started: true, last: i + 1 === c.lines ? undefined : o.end };
  }
  return { started: false, last: undefined }; // signedAfter is after it, or nowhere
};
