import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { reportErrors } from '@usha/domain';
import {
  readNumber, readText, SnapshotShapeError, writeNumber, writeText, type SnapshotReader,
  type SnapshotWriter,
} from '../../offHeap/snapshot.ts';
import type { Snapshots } from '../ledger/indexParts.ts';
import type { StreamEvent } from '../log/ledgerEvent.ts';
import { ProcessRecord } from './processRecord.ts';

/** What the log shows of a process: its record (from its first step) and whether it ended. */
export interface ProcessEntry {
  readonly processId: string;
  readonly record: ProcessRecord | undefined;
  readonly ended: boolean;
}

/** The processes the log shows, by id: how unfinished ones are found at open. */
export interface ProcessIndex {
  readonly get: (processId: string) => ProcessEntry | undefined;
  /** Processes started (a step stored with their record) and not ended, in log order. */
  readonly unfinished: () => ReadonlyArray<ProcessEntry & { readonly record: ProcessRecord }>;
  readonly observe: (e: StreamEvent) => void;
}

/**
 * The index of processes, built like the command index: by the scan at open (or read back
 * from the index checkpoint), then from every event the Ledger reads or writes. An entry costs a few hundred bytes; only processes are in it.
 */
export const processIndex = (): ProcessIndex & Snapshots => indexOver(new Map());

// A checkpoint holds the entries in log order as JSON rows `[id, record or null, ended]`, a
// thousand to a part, so that neither writing nor reading makes one string of them all.
const Row = t.tuple([t.string, t.union([ProcessRecord, t.null]), t.boolean], 'ProcessRow');
const Rows = t.array(Row, 'ProcessRows');
const rowsPerPart = 1000;

/** The index a checkpoint holds (written by its `snapshot`); SnapshotShapeError if garbled. */
export const restoreProcessIndex = (r: SnapshotReader): ProcessIndex & Snapshots => {
  const entries = new Map<string, ProcessEntry>();
  const parts = readNumber(r);
  if (!Number.isSafeInteger(parts) || parts < 0) {
    throw new SnapshotShapeError(`${parts} parts of process rows`);
  }
  for (let i = 0; i < parts; i++) {
    let json: unknown;
    try {
      json = JSON.parse(readText(r));
    } catch (e) {
      if (e instanceof SnapshotShapeError) throw e;
      throw new SnapshotShapeError(`process rows that are not JSON (part ${i})`);
    }
    const rows = Rows.decode(json);
    if (E.isLeft(rows)) {
      const why = reportErrors(rows.left).map((f) => f.message).join('; ');
      throw new SnapshotShapeError(`process rows (part ${i}): ${why}`);
    }
    for (const [processId, record, ended] of rows.right) {
      entries.set(processId, { processId, record: record ?? undefined, ended });
    }
  }
  return indexOver(entries);
};

const snapshotOf = (entries: Map<string, ProcessEntry>) => (w: SnapshotWriter): void => {
  const rows = [...entries.values()].map((e) => [e.processId, e.record ?? null, e.ended]);
  const parts = Math.ceil(rows.length / rowsPerPart);
  writeNumber(w, parts);
  for (let i = 0; i < parts; i++) {
    writeText(w, JSON.stringify(rows.slice(i * rowsPerPart, (i + 1) * rowsPerPart)));
  }
};

const indexOver = (entries: Map<string, ProcessEntry>): ProcessIndex & Snapshots => {
  const observe = (e: StreamEvent): void => {
    const m = e.metadata;
    if (m.processId === undefined) return;
    const held = entries.get(m.processId);
    entries.set(m.processId, {
      processId: m.processId,
      record: held?.record ?? m.process,
      ended: (held?.ended ?? false) || m.processEnd === true,
    });
  };
  const unfinished: ProcessIndex['unfinished'] = () => [...entries.values()].flatMap((e) =>
    e.record === undefined || e.ended ? [] : [{ ...e, record: e.record }]);
  return { get: (id) => entries.get(id), unfinished, observe, snapshot: snapshotOf(entries) };
};
