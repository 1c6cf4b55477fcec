// Forged lines for the signature tests: what someone who can write the file, but does not hold
// the writer's private key, can append.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { encodeLine } from './lineFormat.ts';
import { signHash } from './signingKeys.ts';

/** An Ed25519 key pair that is not the writer's. */
export const strangerKeys = (): { privateKey: KeyObject; publicKey: KeyObject } =>
  generateKeyPairSync('ed25519');

/**
 * Appends one line crediting an account, chained correctly after `prev` (a batch of one, next
 * a new stream of its own), unsigned or signed with `key`. Returns its hash.
 */
export const appendForgedLine = async (
  file: string,
  o: { readonly prev: string; readonly eventId: string; readonly key?: KeyObject },
): Promise<string> => {
  const { line, hash } = encodeLine({
    batchIndex: 0, batchSize: 1, dataJson: '{"text":"10,00,000 credited"}', eventId: o.eventId,
    metadataJson: '{}', prev: o.prev, recordedAt: '2026-01-01T00:00:00.000Z', revision: 0n,
    stream: `forged-${o.eventId}`, type: 'Noted',
  });
  const signed = o.key === undefined ? line
    : `{"hash":"${hash}","sig":"${signHash(o.key, hash)}",${line.slice(75)}`;
  await appendFile(file, signed);
  return hash;
};
