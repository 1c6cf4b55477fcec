/** Where progress goes: a terminal's standard error, rewritten in place. */
export interface ProgressSink {
  readonly write: (text: string) => void;
}

/**
 * A sink on a stream only when it is a terminal: progress in a file or a pipe would be noise
 * in what someone keeps, so anything else gets none.
 * @example progressSink(process.stderr) // undefined under `2> log.txt`
 */
export const progressSink = (
  stream: { readonly isTTY?: boolean; readonly write: (text: string) => unknown },
): ProgressSink | undefined =>
  (stream.isTTY === true ? { write: (text) => { stream.write(text); } } : undefined);

/** How far a replay is: events read, for how long, and what part of the file (if known). */
export interface ProgressFigures {
  readonly events: number;
  readonly elapsedMs: number;
  /** Bytes read over the file's size; undefined for a database. */
  readonly fraction?: number;
  /** What is being done to the events: 'Replaying' (the default) or 'Verifying'. */
  readonly doing?: string;
}

const grouped = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/**
 * One progress line: events read, the rate, and the percentage of the file.
 * @example formatProgress({ events: 250000, elapsedMs: 2000, fraction: 0.5 })
 * // 'Replaying: 2,50,000 events read, 1,25,000 a second, 50% of the file'
 */
export const formatProgress = (f: ProgressFigures): string => {
  const rate = f.elapsedMs === 0 ? 0 : (f.events * 1000) / f.elapsedMs;
  const part = f.fraction === undefined ? ''
    : `, ${Math.min(100, Math.floor(f.fraction * 100))}% of the file`;
  return `${f.doing ?? 'Replaying'}: ${grouped.format(f.events)} events read, ${grouped.format(rate)} a second`
    + part;
};

// Looking at the clock on every event would cost more than the fold it measures.
const everyEvents = 4096;
const quietMs = 1000;
const redrawMs = 250;

/**
 * Counts a replay's events and, once it has run longer than a second, keeps one line on the
 * sink up to date (at most four times a second); `done` clears it. Without a sink, it only
 * counts. `nowMs` is the clock, given so tests can run it.
 */
export const replayProgress = (o: {
  readonly sink: ProgressSink | undefined;
  readonly nowMs: () => number;
  readonly fileBytes?: number | undefined;
  readonly doing?: string;
}) => {
  const started = o.nowMs();
  let events = 0;
  let drawnAt: number | undefined;
  const draw = (offset: bigint | undefined) => {
    const now = o.nowMs();
    if (now - started < quietMs || (drawnAt !== undefined && now - drawnAt < redrawMs)) return;
    drawnAt = now;
    const fraction = o.fileBytes === undefined || offset === undefined || o.fileBytes === 0
      ? undefined : Number(offset) / o.fileBytes;
    o.sink?.write(`\r${formatProgress({ events, elapsedMs: now - started,
      ...(fraction === undefined ? {} : { fraction }),
      ...(o.doing === undefined ? {} : { doing: o.doing }) })}\u001b[K`);
  };
  return {
    /** One event read, at this byte offset of the file (its position), if a file. */
    onEvent: (offset?: bigint) => {
      events++;
      if (o.sink !== undefined && events % everyEvents === 0) draw(offset);
    },
    /** The replay is over: the line is cleared, so what the command prints starts clean. */
    done: () => {
      if (drawnAt !== undefined) o.sink?.write('\r\u001b[K');
    },
  };
};
