import * as t from 'io-ts';
import { comparePositions, type LogPosition } from '../core/projectedEvent.ts';
import { decodeJson } from '../core/decodeJson.ts';
import { CheckpointFormatError, type Projection } from '../projection.ts';

/** The business dates a stream's events are effective on, and where its first event is. */
export interface StreamSpan {
  /** The earliest and latest `effectiveOn` of its events (not the first and last stored). */
  firstOn: string;
  lastOn: string;
  /** The position of its first event in the log. */
  readonly first: LogPosition;
}

/**
 * The span of every loan and member stream. A loan's balances are folded from its own stream
 * and its borrower's branch from hers: a stream whose events all fall on or before a date is,
 * as of that date, what it is now; one whose events all fall after it is not there at all. Only
 * a stream that straddles the date has to be read again. `complete` is false once an event came
 * without its stream or position (a replay of bare events): then no span can be trusted.
 */
export interface StreamSpans {
  readonly spans: Map<string, StreamSpan>;
  complete: boolean;
}

const spanned = (stream: string) => stream.startsWith('loan-') || stream.startsWith('member-');

const SpansJson = t.type({
  complete: t.boolean,
  spans: t.readonlyArray(t.tuple([t.string, t.string, t.string, t.string, t.string])),
});

const name = 'streamSpans';

const integer = (text: string): bigint => {
  if (!/^[0-9]+$/.test(text)) throw new CheckpointFormatError(name, `not a position: ${text}`);
  return BigInt(text);
};

/** The spans of the loan and member streams (memory: one entry a loan and a member). */
export const streamSpansProjection = (): Projection<StreamSpans> => ({
  name,
  version: 1,
  initialState: () => ({ spans: new Map(), complete: true }),
  apply: (s, e) => {
    if (e.stream === undefined || e.position === undefined) {
      s.complete = false;
      return s;
    }
    if (!spanned(e.stream)) return s;
    const on = e.metadata.effectiveOn;
    const span = s.spans.get(e.stream);
    if (span === undefined) {
      s.spans.set(e.stream, { firstOn: on, lastOn: on, first: e.position });
      return s;
    }
    if (on < span.firstOn) span.firstOn = on;
    if (on > span.lastOn) span.lastOn = on;
    // Delivered in log order; a redelivery earlier than the first would be a store's fault.
    if (comparePositions(e.position, span.first) < 0) {
      s.spans.set(e.stream, { ...span, first: e.position });
    }
    return s;
  },
  serialize: (s) => ({
    complete: s.complete,
    spans: [...s.spans].map(([stream, x]) =>
      [stream, x.firstOn, x.lastOn, String(x.first.commit), String(x.first.prepare)]),
  }),
  deserialize: (json) => {
    const j = decodeJson(name, SpansJson, json);
    return {
      complete: j.complete,
      spans: new Map(j.spans.map(([stream, firstOn, lastOn, commit, prepare]) =>
        [stream, { firstOn, lastOn,
          first: { commit: integer(commit), prepare: integer(prepare) } }])),
    };
  },
});
