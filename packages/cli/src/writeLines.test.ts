import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { printLines } from './cliIo.ts';
import { OutputIncompleteError, OutputWriteError } from './outputFailure.ts';
import { writeLines } from './writeLines.ts';

type SinkEvent = 'drain' | 'error' | 'close';

// A sink full after every write until it drains, as a pipe read slowly is.
const slowSink = () => {
  const events = new EventEmitter();
  const writes: string[] = [];
  let waiting = false;
  let writtenWhileFull = 0;
  const sink = {
    write: (chunk: string) => {
      if (waiting) writtenWhileFull += 1;
      writes.push(chunk);
      waiting = true;
      setTimeout(() => { waiting = false; events.emit('drain'); }, 1);
      return false;
    },
    once: (e: SinkEvent, f: (x?: unknown) => void) => events.once(e, f),
    off: (e: SinkEvent, f: (x?: unknown) => void) => events.off(e, f),
  };
  return { sink, events, writes, writtenWhileFull: () => writtenWhileFull };
};

const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`);

test('each line then a line feed, in blocks, none written while the sink is full', async () => {
  const s = slowSink();
  await writeLines(s.sink, lines, 100);
  assert.is(s.writes.join(''), `${lines.join('\n')}\n`);
  // 8890 characters: each block but the last reaches 100 with its last line (of 7-9).
  const sizes = s.writes.map((w) => w.length);
  assert.ok(sizes.slice(0, -1).every((n) => n >= 100 && n < 109), sizes.join(' '));
  assert.ok((sizes.at(-1) ?? 0) < 109);
  assert.is(s.writes.length, 83);
  assert.is(s.writtenWhileFull(), 0);
});

// What `run` rejects with; a test fails if it resolves.
const rejection = async (run: () => Promise<void>): Promise<unknown> => {
  try {
    await run();
  } catch (e) {
    return e;
  }
  assert.unreachable('it went on past the failure');
  return undefined;
};

const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });

test('a sink that fails while full: OutputWriteError with its code, not a hang', async () => {
  const s = slowSink();
  const broken = { ...s.sink, write: (chunk: string) => {
    s.writes.push(chunk);
    setTimeout(() => s.events.emit('error', epipe), 1);
    return false;
  } };
  const e = await rejection(() => writeLines(broken, lines, 100));
  assert.instance(e, OutputWriteError);
  assert.is((e as OutputWriteError).code, 'EPIPE');
  assert.is((e as OutputWriteError).cause, epipe);
  assert.is(s.writes.length, 1);
});

test('a sink closed while full, or before: OutputWriteError, not a wait for ever', async () => {
  const s = slowSink();
  const closing = { ...s.sink, write: (chunk: string) => {
    s.writes.push(chunk);
    setTimeout(() => s.events.emit('close'), 1);
    return false;
  } };
  const e = await rejection(() => writeLines(closing, lines, 100));
  assert.is((e as OutputWriteError).code, 'ERR_STREAM_DESTROYED');
  const stream = new PassThrough();
  stream.destroy();
  const gone = await rejection(() => writeLines(stream, lines, 100));
  assert.is((gone as OutputWriteError).code, 'ERR_STREAM_DESTROYED');
});

// The lines given, then a failure after `n` of them, as a report's line maker failing.
function* failingAfter(n: number): Generator<string> {
  yield* lines.slice(0, n);
  throw new Error('the 2025-26 accrual could not be made');
}

test('lines that stop coming after a block was written: OutputIncompleteError, whole lines',
  async () => {
    const s = slowSink();
    const e = await rejection(() => writeLines(s.sink, failingAfter(25), 100));
    assert.instance(e, OutputIncompleteError);
    // The first block reaches 100 characters with line 13 (10 * 7 + 4 * 8 = 102); lines 14 to
    // 24 (88 characters) were gathered for the next when the 26th failed: dropped.
    assert.is((e as OutputIncompleteError).linesWritten, 14);
    assert.is(((e as OutputIncompleteError).cause as Error).message,
      'the 2025-26 accrual could not be made');
    assert.is(s.writes.join(''), `${lines.slice(0, 14).join('\n')}\n`);
  });

test('lines that stop before any was written: their own error, nothing written', async () => {
  const s = slowSink();
  const e = await rejection(() => writeLines(s.sink, failingAfter(3), 100));
  assert.not.instance(e, OutputIncompleteError);
  assert.is((e as Error).message, 'the 2025-26 accrual could not be made');
  assert.equal(s.writes, []);
});

test('printLines through out: lines that stop after 5 are an OutputIncompleteError of 5',
  async () => {
    const out: string[] = [];
    const e = await rejection(() => printLines({ out: (l) => out.push(l), err: () => undefined },
      failingAfter(5)));
    assert.is((e as OutputIncompleteError).linesWritten, 5);
    assert.equal(out, lines.slice(0, 5));
  });

test('through a stream read slowly: the same bytes, its buffer never holding them all',
  async () => {
    const stream = new PassThrough({ highWaterMark: 1024 });
    const read: Buffer[] = [];
    let most = 0;
    stream.on('readable', () => setTimeout(() => {
      most = Math.max(most, stream.writableLength + stream.readableLength);
      const next = () => stream.read() as Buffer | null;
      for (let b = next(); b !== null; b = next()) read.push(b);
    }, 0));
    await writeLines(stream, lines, 512);
    stream.end();
    await new Promise((resolve) => { stream.on('end', resolve); stream.resume(); });
    assert.is(Buffer.concat(read).toString(), `${lines.join('\n')}\n`);
    assert.ok(most <= 3 * 1024, `held ${most} bytes of 8890`);
  });

test('an io without outLines: each line through out, as the tests capture them', async () => {
  const out: string[] = [];
  await printLines({ out: (l) => out.push(l), err: () => undefined }, ['a', '', 'b\r']);
  assert.equal(out, ['a', '', 'b\r']);
});

test.run();
