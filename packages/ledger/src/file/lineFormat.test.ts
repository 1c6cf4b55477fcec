import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeLine, genesisHash } from './lineFormat.ts';

const fields = {
  batchIndex: 0,
  batchSize: 1,
  dataJson: '{"text":"hé"}',
  eventId: '00000000-0000-4000-8000-000000000001',
  metadataJson: '{}',
  prev: genesisHash,
  recordedAt: '2025-04-01T05:30:00.000Z',
  revision: 0n,
  stream: 'loan-1',
  type: 'Noted',
};

test('writes the documented line: hash first, then the sorted content', () => {
  const content =
    '{"batchIndex":0,"batchSize":1,"data":{"text":"hé"},' +
    '"eventId":"00000000-0000-4000-8000-000000000001","metadata":{},' +
    `"prev":"${genesisHash}","recordedAt":"2025-04-01T05:30:00.000Z",` +
    '"revision":"0","stream":"loan-1","type":"Noted"}';
  const hash = createHash('sha256').update(Buffer.from(content, 'utf8')).digest('hex');
  const { line, hash: written } = encodeLine(fields);
  assert.is(written, hash);
  assert.is(line, `{"hash":"${hash}",${content.slice(1)}\n`);
  assert.is(`{${line.slice(75, -1)}`, content);
});

test('the content is canonical JSON: sorted keys, parse and write gives it back', () => {
  const { line } = encodeLine(fields);
  const content = `{${line.slice(75, -1)}`;
  const parsed: unknown = JSON.parse(content);
  assert.is(JSON.stringify(parsed), content);
  assert.equal(Object.keys(Object(parsed)), [...Object.keys(Object(parsed))].sort());
});

test.run();
