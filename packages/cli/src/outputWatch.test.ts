import { EventEmitter } from 'node:events';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { watchOutput } from './outputWatch.ts';

// Two streams as stdout and stderr are: 'error' events, and what was written to each.
const streams = () => {
  const told: string[] = [];
  const stream = () => Object.assign(new EventEmitter(), {
    write: (chunk: string) => { told.push(chunk); return true; } });
  return { out: stream(), err: stream(), told };
};
const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

test('a failed write is told once, in one line, however many follow', () => {
  const s = streams();
  let failed = 0;
  const w = watchOutput({ out: s.out, err: s.err, onFailed: () => { failed += 1; } });
  assert.is(w.failed(), false);
  s.out.emit('error', failure('ENOSPC'));
  s.out.emit('error', failure('ENOSPC'));
  assert.equal([s.told, failed, w.failed()],
    [['usha: cannot write the output: no space left on the disk\n'], 1, true]);
});

test('a reader that closed early is not told; standard error\'s own failure is let go', () => {
  const s = streams();
  let failed = 0;
  const w = watchOutput({ out: s.out, err: s.err, onFailed: () => { failed += 1; } });
  s.err.emit('error', failure('EPIPE')); // would throw, unheard
  assert.equal([failed, w.failed()], [0, false]);
  s.out.emit('error', failure('EPIPE'));
  assert.equal([s.told, failed, w.failed()], [[], 1, true]);
});

test.run();
