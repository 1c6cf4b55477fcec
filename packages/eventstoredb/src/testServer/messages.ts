// Conversions between the wire's generated messages and the log's plain data.
import { sharedPb, streamsPb } from './generated.ts';
import type { ExpectedRevision } from './expectedRevision.ts';
import type { LogEntry, ProposedEvent } from './eventLog.ts';

type Uuid = InstanceType<typeof sharedPb.UUID>;
type StreamIdentifier = InstanceType<typeof sharedPb.StreamIdentifier>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Proposed =
  | InstanceType<typeof streamsPb.AppendReq.ProposedMessage>
  | InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>;

const decoder = new TextDecoder();
const hex = (n: bigint) => BigInt.asUintN(64, n).toString(16).padStart(16, '0');

/** The text of a UUID message, whichever of its two encodings the peer chose. */
export const uuidText = (uuid: Uuid | undefined): string => {
  if (uuid === undefined) return '';
  if (!uuid.hasStructured()) return uuid.getString();
  const s = uuid.getStructured();
  const h = hex(BigInt(s?.getMostSignificantBits() ?? '0')) +
    hex(BigInt(s?.getLeastSignificantBits() ?? '0'));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** A UUID message in its string encoding. */
export const uuidMessage = (text: string): Uuid => new sharedPb.UUID().setString(text);

/** The stream name a StreamIdentifier carries (UTF-8 bytes on the wire). */
export const streamNameOf = (identifier: StreamIdentifier | undefined): string => {
  const name = identifier?.getStreamName_asU8() ?? new Uint8Array();
  return decoder.decode(name);
};

/** A StreamIdentifier message for a stream name. */
export const streamIdentifier = (name: string): StreamIdentifier =>
  new sharedPb.StreamIdentifier().setStreamName(new TextEncoder().encode(name));

/** A proposed message as the log takes it. */
export const proposedEvent = (m: Proposed): ProposedEvent => ({
  id: uuidText(m.getId()),
  type: m.getMetadataMap().get('type') ?? '',
  contentType: m.getMetadataMap().get('content-type') ?? 'application/octet-stream',
  data: m.getData_asU8(),
  customMetadata: m.getCustomMetadata_asU8(),
});

interface ExpectedOneof {
  hasAny(): boolean;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
}

/** The expected revision of a write's options; `revision` reads the numeric branch. */
export const expectedOf = (o: ExpectedOneof, revision: () => string | undefined):
  ExpectedRevision => {
  if (o.hasAny()) return { kind: 'any' };
  if (o.hasNoStream()) return { kind: 'no_stream' };
  if (o.hasStreamExists()) return { kind: 'stream_exists' };
  const r = revision();
  return r === undefined ? { kind: 'any' } : { kind: 'revision', revision: BigInt(r) };
};

const responses = new WeakMap<LogEntry, ReadResp>();

/** The ReadResp carrying a recorded event; cached, as a log entry never changes. */
export const readResponse = (entry: LogEntry): ReadResp => {
  const cached = responses.get(entry);
  if (cached !== undefined) return cached;
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(entry.id))
    .setStreamIdentifier(streamIdentifier(entry.streamName))
    .setStreamRevision(entry.revision.toString())
    .setPreparePosition(entry.prepare.toString())
    .setCommitPosition(entry.commit.toString())
    .setData(entry.data)
    .setCustomMetadata(entry.customMetadata);
  recorded.getMetadataMap()
    .set('type', entry.type)
    .set('content-type', entry.contentType)
    .set('created', entry.createdTicks.toString());
  const event = new streamsPb.ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(entry.commit.toString());
  const resp = new streamsPb.ReadResp().setEvent(event);
  responses.set(entry, resp);
  return resp;
};
