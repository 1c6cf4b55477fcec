import { hash } from 'node:crypto';

// The namespace of Usha's event ids (a random UUID fixed once): UUID v5 names live in it.
const namespace = Buffer.from('6f1d3c2a9b8e4f70a1d25c7e8b3f9a41', 'hex');

// The namespace followed by the name, written into one buffer kept for the purpose: no buffer
// is made per event. Safe to share, as nothing awaits between writing and hashing it.
let scratch = Buffer.alloc(namespace.length + 3 * 128);
namespace.copy(scratch);

/**
 * The store's id of the `index`-th event of a command: a UUID v5 (SHA-1, RFC 9562) of the
 * domain's id `<commandId>.<index>`. The stores want lowercase UUIDs; the domain's readable id
 * stays in the event's metadata (and data), so both derive from the command id alone and a
 * retried command yields the same ids.
 * @example eventUuid('cmd-42.0') // 'xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx', the same every time
 */
export const eventUuid = (domainEventId: string): string => {
  // A UTF-16 code unit takes at most 3 bytes of UTF-8.
  if (namespace.length + 3 * domainEventId.length > scratch.length) {
    scratch = Buffer.alloc(namespace.length + 3 * domainEventId.length);
    namespace.copy(scratch);
  }
  const end = namespace.length + scratch.write(domainEventId, namespace.length, 'utf8');
  // One-shot `hash`: several times cheaper than a Hash object, and this runs for every event
  // a command decides. The version and variant bits are set on the hex.
  const hex = hash('sha1', scratch.subarray(0, end), 'hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${
    hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
