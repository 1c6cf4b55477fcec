import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate } from '@usha/domain';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { CheckpointFormatError } from '../projection.ts';
import { replay } from '../replay.ts';
import { everyProductHistory } from '../testing/everyProductHistory.ts';
import { streamSpansProjection } from './streamSpans.ts';

const [base] = everyProductHistory();

// The first event of a history, as stored in `stream` at position `at`, effective on `on`.
const stored = (stream: string, at: number, on: string): ProjectedEvent => {
  if (base === undefined) throw new Error('an empty history');
  return { ...base, metadata: { ...base.metadata, effectiveOn: businessDate(on, 'on') }, stream,
    position: { commit: BigInt(at), prepare: BigInt(at) } };
};

const log = [
  stored('loan-L1', 1, '2024-05-01'), stored('member-M1', 2, '2024-04-01'),
  stored('deposit-A1', 3, '2024-03-01'), stored('loan-L1', 4, '2024-04-20'),
  stored('loan-L1', 5, '2024-06-01'),
];

test('a span is the earliest and latest date of a stream, and where it begins', () => {
  const p = streamSpansProjection();
  const s = replay(p, log);
  assert.is(s.complete, true);
  // The back-dated event (20 April, stored fourth) moves the span's start, not its position.
  assert.equal([...s.spans], [
    ['loan-L1', { firstOn: '2024-04-20', lastOn: '2024-06-01', first: { commit: 1n,
      prepare: 1n } }],
    ['member-M1', { firstOn: '2024-04-01', lastOn: '2024-04-01', first: { commit: 2n,
      prepare: 2n } }],
  ]);
  assert.equal(p.deserialize(JSON.parse(JSON.stringify(p.serialize(s)))), s);
});

test('an event without its stream makes every span untrusted', () => {
  const s = replay(streamSpansProjection(), [...log, { ...stored('loan-L2', 6, '2024-07-01'),
    stream: undefined }]);
  assert.is(s.complete, false);
});

test('a checkpoint whose position is not a number is refused, naming the projection', () => {
  const p = streamSpansProjection();
  const bad = { complete: true, spans: [['loan-L1', '2024-04-20', '2024-06-01', '1x', '1']] };
  assert.throws(() => p.deserialize(bad),
    (e: unknown) => e instanceof CheckpointFormatError && /streamSpans.*1x/.test(e.message));
  assert.throws(() => p.deserialize({ complete: 'yes', spans: [] }),
    (e: unknown) => e instanceof CheckpointFormatError);
});

test.run();
