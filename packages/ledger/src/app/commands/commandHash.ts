import { createHash } from 'node:crypto';
import { Command } from '@usha/domain';
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
  const data: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
  for (const f of ledgerFilledFields[c.type] ?? []) delete data[f];
  const json = canonicalJson({ type: c.type, data });
  // Unreachable: a decoded command is plain JSON (strings, numbers, booleans, arrays).
  if (json._tag === 'Left') throw new TypeError(`command is not JSON: ${json.left.message}`);
  return createHash('sha256').update(json.right.text).digest('hex').slice(0, 32);
};
