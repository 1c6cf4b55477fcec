import { OutputIncompleteError, OutputWriteError } from './outputFailure.ts';

type SinkEvent = 'drain' | 'error' | 'close';

/** What `writeLines` writes to: a writable stream's `write` and its events, as stdout has. */
export interface LineSink {
  readonly write: (chunk: string) => boolean;
  readonly once: (event: SinkEvent, listener: (e?: unknown) => void) => unknown;
  readonly off: (event: SinkEvent, listener: (e?: unknown) => void) => unknown;
  /** True once the stream is torn down: it will neither drain nor fail again. */
  readonly destroyed?: boolean;
}

// What a stream closed without an error is told as.
const closed = { code: 'ERR_STREAM_DESTROYED' };

// Until the sink has written what it holds (or fails): a pipe read slowly would otherwise
// hold the whole report in its queue, which is what writing it a line at a time avoids.
// A stream closed under the write emits no 'error' after it: 'close' ends the wait too.
const drained = (sink: LineSink): Promise<void> => new Promise((resolve, reject) => {
  if (sink.destroyed === true) {
    reject(new OutputWriteError(closed));
    return;
  }
  const settle = (end: () => void) => {
    sink.off('drain', onDrain);
    sink.off('error', onError);
    sink.off('close', onClose);
    end();
  };
  const onDrain = () => settle(resolve);
  const onError = (e?: unknown) => settle(() => reject(new OutputWriteError(e)));
  const onClose = () => settle(() => reject(new OutputWriteError(closed)));
  sink.once('drain', onDrain);
  sink.once('error', onError);
  sink.once('close', onClose);
});

/**
 * Writes each line followed by a line feed, gathered in blocks of about `blockChars`
 * characters (one write a line would cost a call each), waiting for 'drain' whenever the sink
 * says it is full. A failed write rejects with OutputWriteError; lines that stop coming (their
 * iterator throws) after a block was written reject with OutputIncompleteError, as what was
 * printed is then a part only; the lines gathered but not yet written are dropped.
 */
export const writeLines = async (
  sink: LineSink, lines: Iterable<string>, blockChars = 64 * 1024,
): Promise<void> => {
  let block = '';
  let inBlock = 0;
  let written = 0;
  const flush = async () => {
    const full = !sink.write(block);
    written += inBlock;
    block = '';
    inBlock = 0;
    if (full) await drained(sink);
  };
  try {
    for (const line of lines) {
      block += `${line}\n`;
      inBlock += 1;
      if (block.length >= blockChars) await flush();
    }
  } catch (e) {
    if (e instanceof OutputWriteError || written === 0) throw e;
    throw new OutputIncompleteError(e, written);
  }
  if (block !== '') await flush();
};
