import { createHash } from 'node:crypto';

// The namespace of Usha's event ids (a random UUID fixed once): UUID v5 names live in it.
const namespace = Buffer.from('6f1d3c2a9b8e4f70a1d25c7e8b3f9a41', 'hex');

/**
 * The store's id of the `index`-th event of a command: a UUID v5 (SHA-1, RFC 9562) of the
 * domain's id `<commandId>.<index>`. The stores want lowercase UUIDs; the domain's readable id
 * stays in the event's metadata (and data), so both derive from the command id alone and a
 * retried command yields the same ids.
 * @example eventUuid('cmd-42.0') // 'xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx', the same every time
 */
export const eventUuid = (domainEventId: string): string => {
  const hash = createHash('sha1').update(namespace).update(domainEventId, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${
    hex.slice(20)}`;
};
