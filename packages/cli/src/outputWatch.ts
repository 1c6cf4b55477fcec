import { outputWriteProblem } from './outputFailure.ts';

/** The events `watchOutput` listens to on a stream, as the process's stdout has them. */
export interface WatchedStream {
  readonly on: (event: 'error', listener: (e: unknown) => void) => unknown;
  readonly write: (chunk: string) => boolean;
}

/**
 * Listens for the failures of standard output (and error), which arrive as 'error' events,
 * often after the write that met them returned, so that none ends the process with a stack
 * trace: the first is told on `err` (a closed reader quietly), then `onFailed` is called once.
 * Standard error's own failures have nowhere to be told and are let go.
 */
export const watchOutput = (streams: {
  readonly out: WatchedStream; readonly err: WatchedStream; readonly onFailed: () => void;
}): { readonly failed: () => boolean } => {
  let failed = false;
  // After a failure each later write fails again (the stream is destroyed): told once only.
  streams.out.on('error', (e) => {
    if (failed) return;
    failed = true;
    const problem = outputWriteProblem(e);
    if (problem !== undefined) streams.err.write(`usha: ${problem}\n`);
    streams.onFailed();
  });
  streams.err.on('error', () => undefined);
  return { failed: () => failed };
};
