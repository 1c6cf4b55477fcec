import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { printLines } from './cliIo.ts';
import { writeLines } from './writeLines.ts';

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
    once: (e: 'drain' | 'error', f: (x?: unknown) => void) => events.once(e, f),
    off: (e: 'drain' | 'error', f: (x?: unknown) => void) => events.off(e, f),
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

test('a sink that fails while full: the write rejects with its error, not a hang', async () => {
  const s = slowSink();
  const broken = { ...s.sink, write: (chunk: string) => {
    s.writes.push(chunk);
    setTimeout(() => s.events.emit('error', new Error('EPIPE')), 1);
    return false;
  } };
  try {
    await writeLines(broken, lines, 100);
    assert.unreachable('the write went on past the error');
  } catch (e) {
    assert.is((e as Error).message, 'EPIPE');
  }
  assert.is(s.writes.length, 1);
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
