import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatProgress, progressSink, replayProgress } from './replayProgress.ts';

test('the progress line: events read, the rate, the part of the file, grouped the Indian way',
  () => {
    assert.is(formatProgress({ events: 250000, elapsedMs: 2000, fraction: 0.5 }),
      'Replaying: 2,50,000 events read, 1,25,000 a second, 50% of the file');
    assert.is(formatProgress({ events: 12345678, elapsedMs: 1500 }),
      'Replaying: 1,23,45,678 events read, 82,30,452 a second');
    assert.is(formatProgress({ events: 0, elapsedMs: 0, fraction: 1.2 }),
      'Replaying: 0 events read, 0 a second, 100% of the file');
  });

test('not a terminal -> silent: no sink for a pipe or a file', () => {
  const written: string[] = [];
  const stream = (isTTY: boolean | undefined) => ({ isTTY, write: (t: string) => written.push(t) });
  assert.is(progressSink(stream(false)), undefined);
  assert.is(progressSink(stream(undefined)), undefined);
  progressSink(stream(true))?.write('x');
  assert.equal(written, ['x']);
});

// A replay of `events` events on a clock that moves `msPerEvent` each event.
const run = (events: number, msPerEvent: number, fileBytes = events * 100) => {
  const written: string[] = [];
  let now = 0;
  const p = replayProgress({ sink: { write: (t) => written.push(t) }, nowMs: () => now,
    fileBytes });
  for (let i = 1; i <= events; i++) {
    now += msPerEvent;
    p.onEvent(BigInt(i * 100));
  }
  p.done();
  return written;
};

test('a replay under a second prints nothing; a longer one draws, then clears its line', () => {
  assert.equal(run(8192, 0.1), []);
  // 1.6 s: drawn past the first second (12,288 events), redrawn 0.4 s on, then cleared.
  assert.equal(run(16384, 0.1), [
    '\rReplaying: 12,288 events read, 10,000 a second, 75% of the file\u001b[K',
    '\rReplaying: 16,384 events read, 10,000 a second, 100% of the file\u001b[K',
    '\r\u001b[K']);
});

test.run();
