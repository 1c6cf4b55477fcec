import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventSchemaFromCodecs, openFileEventStore } from '@usha/ledger';
import { verifyCommand } from './verifyCommand.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-verify-progress-'));
test.after(() => rm(dir, { recursive: true, force: true }));

// 8,192 events in four appends of 2,048: enough for the line, drawn every 4,096 events.
const file = join(dir, 'usha.ndjson');
const schema = eventSchemaFromCodecs({ Noted: t.type({ n: t.number }) }, t.type({}));
const written = async (log: string) => {
  const store = await openFileEventStore({ file: log, schema });
  for (let a = 0; a < 4; a++) {
    await store.appendToStream('notes', Array.from({ length: 2048 }, (_, i) => ({
      eventId: `00000000-0000-4000-8000-${(a * 2048 + i + 1).toString(16).padStart(12, '0')}`,
      type: 'Noted' as const, data: { n: i }, metadata: {} })));
  }
  return store;
};
await (await written(file)).close();

// A verify whose clock moves a second at each look, with or without a terminal to draw on.
const verify = async (terminal: boolean, log = file) => {
  const out: string[] = [];
  const drawn: string[] = [];
  let now = 0;
  const code = await verifyCommand({ file: log }, { out: (l) => out.push(l),
    err: (l) => out.push(l),
    ...(terminal ? { progress: { write: (s: string) => drawn.push(s) } } : {}) },
  { nowMs: () => (now += 1000) });
  return { code, out, drawn };
};

test('verify on a terminal draws its progress line, then clears it before the result', async () => {
  const v = await verify(true);
  assert.is(v.code, 0);
  // The part of the file is where the append's last line starts: short of its end by a line.
  assert.equal(v.drawn.map((d) => d.replace(/, [\d,]+ a second/, '')), [
    '\rVerifying: 4,096 events read, 49% of the file\u001b[K',
    '\rVerifying: 8,192 events read, 99% of the file\u001b[K',
    '\r\u001b[K']);
  assert.is(v.out[0], `${file}: 8192 events, hash chain intact.`);
});

test('verify with standard error not a terminal prints no progress, the same result', async () => {
  const plain = await verify(false);
  assert.equal(plain.drawn, []);
  assert.equal(plain, { ...(await verify(true)), drawn: [] });
});

test('verify of a log still being written counts the log, not the space set aside after it',
  async () => {
    const live = join(dir, 'live.ndjson');
    const store = await written(live); // open: its file ends in the space ahead of the log
    try {
      const v = await verify(true, live);
      assert.equal(v.drawn.map((d) => d.replace(/, [\d,]+ a second/, '')), [
        '\rVerifying: 4,096 events read, 49% of the file\u001b[K',
        '\rVerifying: 8,192 events read, 99% of the file\u001b[K',
        '\r\u001b[K']);
      assert.is(v.out[0], `${live}: 8192 events, hash chain intact.`);
    } finally {
      await store.close();
    }
  });

test.run();
