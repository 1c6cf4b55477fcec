// How the space's zeros are written, and what a failed write of them leaves: by a synchronous
// gathered write (fs.writevSync) where the appends' writes are blocking and the zeros are no more
// than a write call's group and a default step, else by FileHandle#writev; a short write goes on
// from where it stopped, a write of no byte or an error keeps no space from then on, and zeros
// that could not be given back are cut at release all the same.
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { logSpace, spaceStepBytes, writeCallBytes } from './logSpace.ts';

type Answer = number | 'ENOSPC';

// A handle over a file of `bytes` bytes whose writes of zeros answer as `answers` says, one
// answer a call (the bytes written, or ENOSPC), synchronous or not; `truncateFails` makes the
// first truncate fail. Every call is heard in `calls`.
const handleWith = (bytes: number, answers: Answer[], truncateFails = false) => {
  const file = { bytes, calls: [] as string[] };
  let truncateFailed = false;
  const write = (way: string, buffers: readonly Buffer[], position: number): number => {
    const length = buffers.reduce((sum, b) => sum + b.length, 0);
    file.calls.push(`${way} ${position}+${length}`);
    if (buffers.some((b) => b.some((byte) => byte !== 0))) throw new Error('not zeros');
    const answer = answers.shift() ?? length;
    if (answer === 'ENOSPC') {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }
    file.bytes = Math.max(file.bytes, position + answer);
    return answer;
  };
  const handle = {
    fd: 1234,
    writev: async (buffers: Buffer[], position: number) =>
      ({ bytesWritten: write('writev', buffers, position), buffers }),
    truncate: async (to: number) => {
      file.calls.push(`truncate ${to}`);
      if (truncateFails && !truncateFailed) {
        truncateFailed = true;
        throw Object.assign(new Error('EIO: i/o error, ftruncate'), { code: 'EIO' });
      }
      file.bytes = to;
    },
    datasync: async () => {},
    sync: async () => { file.calls.push('sync'); },
  };
  // fs.writevSync, as the space's named import sees it (syncBuiltinESMExports), for this handle.
  const patched = fs as unknown as { writevSync: unknown };
  const real = fs.writevSync;
  patched.writevSync = (fd: number, buffers: Buffer[], position: number) => {
    if (fd !== handle.fd) throw new Error(`fd ${fd}`);
    return write('writevSync', buffers, position);
  };
  syncBuiltinESMExports();
  const restore = () => {
    patched.writevSync = real;
    syncBuiltinESMExports();
  };
  return { file, handle: handle as unknown as FileHandle, restore };
};

const mib = 1024 * 1024;

test('blocking: the zeros for an append are one synchronous write; more than a write call\'s '
  + 'group and a default step go through the thread pool; threaded: always the thread pool',
async () => {
  const { file, handle, restore } = handleWith(1000, []);
  try {
    const space = logSpace({ handle, fileBytes: 1000, stepBytes: spaceStepBytes,
      writesSynced: true, blocking: true });
    await space.ensure(1500); // 1500 + a step of zeros: synchronous
    await space.ensure(1500 + spaceStepBytes + 10); // a step and 10 past the space's end
    // A group ending more than a write call's bytes past the space's end: its zeros are more
    // than a call's group and a step.
    const spaceEnd = 1500 + 2 * spaceStepBytes + 10;
    const big = spaceEnd + writeCallBytes + 1;
    await space.ensure(big);
    const threaded = logSpace({ handle, fileBytes: 0, stepBytes: spaceStepBytes,
      writesSynced: true });
    await threaded.ensure(10);
    assert.equal(file.calls, [
      `writevSync 1000+${500 + spaceStepBytes}`,
      `writevSync ${1500 + spaceStepBytes}+${10 + spaceStepBytes}`,
      `writev ${spaceEnd}+${writeCallBytes + 1 + spaceStepBytes}`,
      `writev 0+${10 + spaceStepBytes}`,
    ]);
    assert.is(space.fileBytes(), big + spaceStepBytes);
  } finally {
    restore();
  }
});

test('a short write of zeros goes on from where it stopped, in the same way', async () => {
  for (const blocking of [true, false]) {
    const way = blocking ? 'writevSync' : 'writev';
    const { file, handle, restore } = handleWith(0, [100, 3 * mib]);
    try {
      const space = logSpace({ handle, fileBytes: 0, stepBytes: 3 * mib, writesSynced: true,
        blocking });
      await space.ensure(50);
      // blocking: 3 MiB and 50 are more than a call's group and a default step: thread pool
      assert.equal(file.calls, [`writev 0+${3 * mib + 50}`, `writev 100+${3 * mib - 50}`], way);
      assert.is(space.fileBytes(), 3 * mib + 50);
    } finally {
      restore();
    }
  }
  const { file, handle, restore } = handleWith(0, [100, mib]);
  try {
    const space = logSpace({ handle, fileBytes: 0, stepBytes: mib, writesSynced: true,
      blocking: true });
    await space.ensure(50);
    assert.equal(file.calls, [`writevSync 0+${mib + 50}`, `writevSync 100+${mib - 50}`]);
    assert.is(space.fileBytes(), mib + 50);
  } finally {
    restore();
  }
});

test('a write of zeros that writes no byte, or fails, keeps no space from then on and gives '
  + 'back what was written; the appends go on growing the file', async () => {
  for (const [answers, why] of [[[0], 'no byte'], [[200, 'ENOSPC'], 'ENOSPC']] as const) {
    for (const blocking of [true, false]) {
      const way = blocking ? 'writevSync' : 'writev';
      const { file, handle, restore } = handleWith(1000, [...answers]);
      try {
        const space = logSpace({ handle, fileBytes: 1000, stepBytes: mib, writesSynced: true,
          blocking });
        await space.ensure(1500);
        const tried = answers.length === 1 ? [`${way} 1000+${500 + mib}`]
          : [`${way} 1000+${500 + mib}`, `${way} 1200+${300 + mib}`];
        assert.equal(file.calls, [...tried, 'truncate 1000'], `${why}, ${way}`);
        assert.equal([file.bytes, space.fileBytes()], [1000, 1500], `${why}, ${way}`);
        await space.ensure(2500); // no zeros sought again
        await space.release(2500); // the file is the log: nothing to cut
        assert.is(file.calls.length, tried.length + 1, `${why}, ${way}`);
      } finally {
        restore();
      }
    }
  }
});

test('zeros that a failed fill wrote and could not give back are cut at release', async () => {
  const { file, handle, restore } = handleWith(1000, [300, 'ENOSPC'], true);
  try {
    const space = logSpace({ handle, fileBytes: 1000, stepBytes: mib, writesSynced: true,
      blocking: true });
    await space.ensure(1200); // 300 zeros written, then ENOSPC; the truncate fails
    assert.equal([file.bytes, space.fileBytes()], [1300, 1200]);
    await space.release(1200); // the file holds 100 zeros past the log: cut
    assert.equal(file.calls.slice(-2), ['truncate 1200', 'sync']);
    assert.is(file.bytes, 1200);
    await space.release(1200); // then nothing left to cut
    assert.is(file.calls.length, 5);
  } finally {
    restore();
  }
});

test.run();
