// A disk nearly full: the zero-fill of the space ahead fails where the append alone would fit.
import type { FileHandle } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { logSpace } from './logSpace.ts';

// A handle over a file of `bytes` bytes on a disk with `free` bytes left: a write past them
// fails with ENOSPC, after writing what fits (as a real disk does).
const fullDisk = (bytes: number, free: number) => {
  const file = { bytes, calls: [] as string[] };
  const limit = bytes + free;
  // The zeros are written by one gathered call (threaded: FileHandle#writev).
  const handle = {
    writev: async (buffers: Buffer[], position: number) => {
      const length = buffers.reduce((sum, b) => sum + b.length, 0);
      file.calls.push(`write ${position}+${length}`);
      if (buffers.some((b) => b.some((byte) => byte !== 0))) throw new Error('not zeros');
      const fits = Math.max(0, Math.min(length, limit - position));
      file.bytes = Math.max(file.bytes, position + fits);
      if (fits < length) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return { bytesWritten: length, buffers };
    },
    truncate: async (to: number) => {
      file.calls.push(`truncate ${to}`);
      file.bytes = to;
    },
    datasync: async () => {},
    sync: async () => {},
  };
  return { file, handle: handle as unknown as FileHandle };
};

test('a zero-fill that fails for want of disk does not fail the append: the zeros written are '
  + 'given back and no space is kept from then on', async () => {
  const { file, handle } = fullDisk(1000, 5000);
  const space = logSpace({ handle, fileBytes: 1000, stepBytes: 8192, writesSynced: true });
  await space.ensure(1500); // the append fits; 1500 + 8192 of zeros do not
  assert.equal(file.calls, ['write 1000+8692', 'truncate 1000']);
  assert.is(file.bytes, 1000);
  assert.is(space.fileBytes(), 1500);
  await space.ensure(2500); // no space is sought again
  assert.is(file.calls.length, 2);
  assert.is(space.fileBytes(), 2500);
  await space.release(2500); // nothing past the log to give back
  assert.is(file.calls.length, 2);
});

test('with room on the disk, the space is grown a step past the append, never to its end',
  async () => {
    const { file, handle } = fullDisk(1000, 1 << 20);
    const space = logSpace({ handle, fileBytes: 1000, stepBytes: 8192, writesSynced: true });
    await space.ensure(1000); // an append ending at the file's end would leave it no zero after
    assert.equal([file.calls, space.fileBytes()], [['write 1000+8192'], 9192]);
    await space.ensure(9191);
    assert.is(file.calls.length, 1);
  });

test.run();
