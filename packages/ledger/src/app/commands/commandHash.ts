import { hash } from 'node:crypto';
import { Command } from '@usha/domain';
import { plainJsonText } from '../../eventStore/plainJsonText.ts';
import { canonicalJson } from '../../json/canonicalJson.ts';

/**
 * The hash of a command's request: SHA-256 of its canonical JSON (keys sorted), first 32 hex
 * digits. The same command id with another hash is `command_id_reused` (Formance's
 * idempotency hash). A request holds only what the caller sent: the facts the Ledger reads are
 * not part of it, so a retry is the same request even if the figures have moved since. Hashes
 * stored before facts were typed were taken the same way, over the caller's fields only (the
 * Ledger's then were left out), so their retries are recognised (preFactsLog.test.ts).
 */
export const commandHash = (c: Command): string => {
  const encoded: unknown = Command.encode(c);
  const raw: unknown = typeof encoded === 'object' && encoded !== null
    ? Reflect.get(encoded, 'data') : undefined;
  const data: object = typeof raw === 'object' && raw !== null ? raw : {};
  // Usually the request is plain JSON: its text is written without a copy.
  // `{"data":...,"type":...}` is the canonical text of `{ type, data }` (keys sorted).
  const plain = Array.isArray(data) ? undefined : plainJsonText(data);
  if (plain !== undefined) return sha256(`{"data":${plain},"type":${JSON.stringify(c.type)}}`);
  return sha256(canonicalText({ type: c.type, data }));
};

const sha256 = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

const canonicalText = (value: unknown): string => {
  const json = canonicalJson(value);
  // Unreachable: a decoded command is plain JSON (strings, numbers, booleans, arrays).
  if (json._tag === 'Left') throw new TypeError(`command is not JSON: ${json.left.message}`);
  return json.right.text;
};
