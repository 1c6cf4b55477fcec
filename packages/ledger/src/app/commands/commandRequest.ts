import type * as t from 'io-ts';
import type { commandCodecs } from '@usha/domain';

type Codecs = typeof commandCodecs;

/** A command's type name. */
export type CommandType = keyof Codecs;

/**
 * What a caller sends for a command: its data as plain JSON (amounts and dates as strings).
 * The facts a command is decided with are read by the Ledger, never sent. Decoded at the
 * edge like any input.
 */
export type CommandRequest<T extends CommandType> = t.OutputOf<Codecs[T]>['data'];
