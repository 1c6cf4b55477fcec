import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reversedEventIds } from './reversedEventIds.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-reversed-ids-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const line = (data: object) => `${JSON.stringify({ data, type: 'EventReversed' })}\n`;
const lines = [
  `${JSON.stringify({ data: { amount: '10.00', eventId: 'dep-1.0' }, type: 'Deposited' })}\n`,
  line({ reason: 'wrong_amount', reversedEventId: 'dep-1.0' }),
  line({ reversedEventId: 'odd "quoted" \\ id' }),
  line({ reversedEventId: 'wd-9.0' }),
];
const file = join(dir, 'log.ndjson');
const text = lines.join('');
await writeFile(file, `${text}{"data":{"reversedEventId":"torn`);

test('every id a reversal names, escaped ones too, across any chunk boundary', async () => {
  const all = ['dep-1.0', 'odd "quoted" \\ id', 'wd-9.0'];
  for (const chunk of [7, 16, 19, 64, 1 << 20]) {
    const ids = await reversedEventIds(file, Buffer.byteLength(text), chunk);
    assert.equal([...ids], all, `chunks of ${chunk}`);
  }
});

test('only the bytes asked for are read; an id cut short is not one', async () => {
  const twoLines = Buffer.byteLength(lines[0] + (lines[1] ?? ''));
  assert.equal([...await reversedEventIds(file, twoLines, 16)], ['dep-1.0']);
  assert.equal([...await reversedEventIds(file, twoLines - 29, 16)], []); // cut in 'dep-1.0'
  const whole = await reversedEventIds(file, 1 << 30, 16);
  assert.is(whole.size, 3);
});

test('the scan ends at the first zero byte: space set aside ahead is not lines', async () => {
  const spaced = join(dir, 'spaced.ndjson');
  // An id in a torn write after the zeros is not the log's, whatever the chunk size.
  const torn = line({ reversedEventId: 'torn-1.0' });
  await writeFile(spaced, Buffer.concat([Buffer.from(text), Buffer.alloc(100), Buffer.from(torn),
    Buffer.alloc(100)]));
  for (const chunk of [7, 64, 1 << 20]) {
    const ids = await reversedEventIds(spaced, Buffer.byteLength(text) + 500, chunk);
    assert.equal([...ids], ['dep-1.0', 'odd "quoted" \\ id', 'wd-9.0'], `chunks of ${chunk}`);
  }
});

test.run();
