import { hash } from 'node:crypto';
import { Command } from '@usha/domain';
import { plainJsonText } from '../../eventStore/plainJsonText.ts';
import { canonicalJson } from '../../json/canonicalJson.ts';
import { ledgerFilledFields } from './ledgerFilled.ts';

/**
 * The hash of a command's request: SHA-256 of its canonical JSON (keys sorted), without the
 * fields the Ledger fills in, first 32 hex digits. The same command id with another hash is
 * `command_id_reused` (Formance's idempotency hash).
 */
export const commandHash = (c: Command): string => {
  const encoded: unknown = Command.encode(c);
  const raw: unknown = typeof encoded === 'object' && encoded !== null
    ? Reflect.get(encoded, 'data') : undefined;
  const data: object = typeof raw === 'object' && raw !== null ? raw : {};
  const filled = ledgerFilledFields[c.type];
  // Usually the request is plain JSON with nothing to leave out: its text is written without
  // a copy. `{"data":...,"type":...}` is the canonical text of `{ type, data }` (keys sorted).
  const plain = filled === undefined && !Array.isArray(data) ? plainJsonText(data) : undefined;
  if (plain !== undefined) return sha256(`{"data":${plain},"type":${JSON.stringify(c.type)}}`);
  const copy: Record<string, unknown> = { ...data };
  for (const f of filled ?? []) delete copy[f];
  return sha256(canonicalText({ type: c.type, data: copy }));
};

const sha256 = (text: string): string => hash('sha256', text, 'hex').slice(0, 32);

const canonicalText = (value: unknown): string => {
  const json = canonicalJson(value);
  // Unreachable: a decoded command is plain JSON (strings, numbers, booleans, arrays).
  if (json._tag === 'Left') throw new TypeError(`command is not JSON: ${json.left.message}`);
  return json.right.text;
};
