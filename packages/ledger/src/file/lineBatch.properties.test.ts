import { createHash } from 'node:crypto';
import fc from 'fast-check';
import * as t from 'io-ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { eventSchemaFromCodecs } from '../eventStore/eventSchema.ts';
import { dataJsonOf, metadataJsonOf, prepareAppend } from '../eventStore/prepareAppend.ts';
import { plainJsonText } from '../eventStore/plainJsonText.ts';
import { value } from '../eventStore/plainJsonValues.fixture.ts';
import { canonicalJson } from '../json/canonicalJson.ts';
import { lineBatch, type LineHead } from './lineBatch.ts';
import { encodeLine, genesisHash, lineContent, sha256Hex } from './lineFormat.ts';

// Any JSON value as data and metadata: prepareAppend writes the plain ones as bytes itself,
// and the rest (bigint, -0, integer-like keys, ...) from canonicalJson's text.
const schema = eventSchemaFromCodecs({ Noted: t.unknown }, t.unknown);
const canonical = (v: unknown): string | undefined => {
  const r = canonicalJson(v);
  return r._tag === 'Left' ? undefined : r.right.text;
};
const json = value.value.filter((v) => canonical(v) !== undefined);
const name = fc.oneof(fc.constantFrom('loan-1', 'Noted', 'a"b', 'é\u2028', '\ud800'),
  fc.string({ unit: 'binary', maxLength: 12 }));
const line = fc.record({
  data: json, metadata: json, eventId: fc.uuid(), stream: name, type: name,
  revision: fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 53n }), fc.bigInt({ min: 0n })),
});

test('the line written into the buffer is byte for byte the line of lineContent + its hash, '
  + 'the head a fresh object a line or one object changed from line to line', () => {
    const batch = lineBatch();
    const sign = (hash: string) => createHash('sha512').update(hash).digest('hex');
    // The committer's way: one head for a group, its fields set line by line.
    const shared: { -readonly [K in keyof LineHead]: LineHead[K] } = {
      batchIndex: 0, batchSize: 0, prev: '', recordedAt: '', revision: 0, stream: '', type: '',
    };
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(),
      fc.boolean(), (lines, signLast, oneHead) => {
        fc.pre(new Set(lines.map((l) => l.eventId)).size === lines.length);
        const events = lines.map((l) => ({ ...l, type: 'Noted' as const }));
        const prepared = prepareAppend(schema, 'loan-1', events,
          { maxAppendBytes: 1 << 24, nextRevision: 0n });
        if (prepared._tag === 'Left') throw prepared.left;
        batch.reset();
        let prev = genesisHash;
        const expected: string[] = [];
        for (const [i, l] of lines.entries()) {
          const e = prepared.right.events[i];
          if (e === undefined) throw new Error('an event not prepared');
          const dataJson = canonical(l.data) ?? '';
          const metadataJson = canonical(l.metadata) ?? '';
          assert.is(dataJsonOf(e), dataJson);
          assert.is(metadataJsonOf(e), metadataJson);
          assert.is(plainJsonText(l.data) ?? dataJson, dataJson);
          const head = { batchIndex: i, batchSize: lines.length, prev,
            recordedAt: '2026-12-06T03:00:00.000Z', revision: l.revision, stream: l.stream,
            type: l.type };
          const fields = { ...head, eventId: l.eventId, dataJson, metadataJson };
          const content = lineContent(fields);
          const hash = sha256Hex(content);
          assert.is(encodeLine(fields).hash, hash);
          const signed = signLast && i === lines.length - 1;
          // A revision below 2^53 may come as a number, as the committer passes it.
          if (oneHead) {
            Object.assign(shared, head);
            if (l.revision < 2n ** 53n) shared.revision = Number(l.revision);
          }
          assert.is(batch.add(oneHead ? shared : head, e, signed ? sign : undefined), hash);
          const sig = signed ? `"sig":"${sign(hash)}",` : '';
          expected.push(`{"hash":"${hash}",${sig}${content.slice(1)}\n`);
          prev = hash;
        }
        const bytes = batch.bytes();
        assert.ok(bytes.equals(Buffer.from(expected.join(''))));
        assert.is(batch.size(), bytes.length);
      }), { numRuns: 300 });
  });

test.run();
