/** What `writeLines` writes to: a writable stream's `write` and its events, as stdout has. */
export interface LineSink {
  readonly write: (chunk: string) => boolean;
  readonly once: (event: 'drain' | 'error', listener: (e?: unknown) => void) => unknown;
  readonly off: (event: 'drain' | 'error', listener: (e?: unknown) => void) => unknown;
}

// Until the sink has written what it holds (or fails): a pipe read slowly would otherwise
// hold the whole report in its queue, which is what writing it a line at a time avoids.
const drained = (sink: LineSink): Promise<void> => new Promise((resolve, reject) => {
  const onDrain = () => { sink.off('error', onError); resolve(); };
  const onError = (e?: unknown) => { sink.off('drain', onDrain); reject(e); };
  sink.once('drain', onDrain);
  sink.once('error', onError);
});

/**
 * Writes each line followed by a line feed, gathered in blocks of about `blockChars`
 * characters (one write a line would cost a call each), waiting for 'drain' whenever the sink
 * says it is full.
 */
export const writeLines = async (
  sink: LineSink, lines: Iterable<string>, blockChars = 64 * 1024,
): Promise<void> => {
  let block = '';
  for (const line of lines) {
    block += `${line}\n`;
    if (block.length < blockChars) continue;
    const full = !sink.write(block);
    block = '';
    if (full) await drained(sink);
  }
  if (block !== '' && !sink.write(block)) await drained(sink);
};
