import type { StreamEvent } from '../log/ledgerEvent.ts';
import type { ProcessRecord } from './processRecord.ts';

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
 * The index of processes, built like the command index: by the scan at open, then from every
 * event the Ledger reads or writes. An entry costs a few hundred bytes; only processes are in it.
 */
export const processIndex = (): ProcessIndex => {
  const entries = new Map<string, ProcessEntry>();
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
  return { get: (id) => entries.get(id), unfinished, observe };
};
