import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { jsonBytesOf, lineBatch } from './lineBatch.ts';
import {
  contentBraceAt, encodeLine, genesisHash, hasLineFrame, lineContent,
} from './lineFormat.ts';

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

test('a batch writes the very bytes encodeLine writes, line after line', () => {
  const batch = lineBatch();
  const text = fc.string({ unit: 'binary', maxLength: 300 }); // lone surrogates, astral, controls
  fc.assert(
    fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 40 }), (pairs) => {
      batch.reset();
      let prev = genesisHash;
      const expected: string[] = [];
      for (const [i, [a, stream]] of pairs.entries()) {
        const f = { ...fields, batchIndex: i, batchSize: pairs.length, prev, stream };
        const line = { ...f, dataJson: JSON.stringify({ a }), revision: BigInt(i) };
        const encoded = encodeLine(line);
        const json = jsonBytesOf(line.eventId, line.dataJson, line.metadataJson);
        assert.is(batch.add(line, json), encoded.hash);
        expected.push(encoded.line);
        prev = encoded.hash;
      }
      assert.ok(batch.bytes().equals(Buffer.from(expected.join(''))));
      assert.is(batch.size(), Buffer.byteLength(expected.join('')));
    }),
  );
});

test('a signed line is the unsigned line with the signature of its hash after the hash', () => {
  const batch = lineBatch();
  const text = fc.string({ unit: 'binary', maxLength: 300 });
  const sign = (hash: string) => createHash('sha512').update(hash).digest('hex'); // 128 hex
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 10 }), fc.boolean(), (texts, last) => {
      batch.reset();
      let prev = genesisHash;
      const expected: string[] = [];
      for (const [i, a] of texts.entries()) {
        const line = { ...fields, batchIndex: i, batchSize: texts.length, prev,
          dataJson: JSON.stringify({ a }), revision: BigInt(i) };
        const signed = last && i === texts.length - 1;
        const encoded = encodeLine(line);
        const json = jsonBytesOf(line.eventId, line.dataJson, line.metadataJson);
        assert.is(batch.add(line, json, signed ? sign : undefined), encoded.hash);
        expected.push(signed ? `{"hash":"${encoded.hash}","sig":"${sign(encoded.hash)}",`
          + encoded.line.slice(75) : encoded.line);
        prev = encoded.hash;
      }
      const bytes = batch.bytes();
      assert.ok(bytes.equals(Buffer.from(expected.join(''))));
      // The reader finds each content where the writer put it.
      const lastStart = bytes.length - Buffer.byteLength(expected.at(-1) ?? '');
      const end = bytes.length - 1;
      assert.ok(hasLineFrame(bytes, lastStart, end));
      assert.is(contentBraceAt(bytes, lastStart, end) - lastStart, last ? 211 : 74);
    }),
  );
});

test('each line names its own stream and type, whatever the lines before it', () => {
  const name = fc.oneof(fc.constantFrom('loan-1', 'loan-2', 'Noted', 'a"b', 'é\u2028'),
    fc.string({ unit: 'binary', maxLength: 8 }));
  fc.assert(fc.property(fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 8 }), (xs) => {
    for (const [stream, type] of xs) {
      const parsed: unknown = JSON.parse(lineContent({ ...fields, stream, type }));
      assert.equal(parsed, { ...JSON.parse(lineContent(fields)), stream, type });
    }
  }));
});

test.run();
