// The scale history, written once and kept under the system's temp directory, keyed by its
// parameters: a million events take minutes to write, and every figure of the bench is taken
// on a copy of the same log. Only the log is kept, never a checkpoint beside it.
import { existsSync, rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeScaleHistory, type ScaleHistory } from './scaleHistory.ts';
import type { ScaleParameters } from './scalePlan.ts';

// Raised whenever the generator changes what it writes, so that an old cached log is not used.
const generatorVersion = 1;

/** The cached log and what it holds. */
export interface ScaleLog {
  readonly file: string;
  readonly history: ScaleHistory;
  readonly cached: boolean;
}

/** Where a log is best written: memory (tmpfs) where there is one, a sync costs nothing there. */
export const scratchRoot = (): string => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** The directory a history of `p` is cached in. */
export const scaleLogDir = (p: ScaleParameters): string => join(tmpdir(),
  `usha-scale-v${generatorVersion}-${p.events}e-${p.members}m-${p.branches}b-${p.years}y-` +
  `s${p.seed}`);

/** The log of `p`, from the cache, or written (and cached) now. */
export const cachedScaleLog = async (
  p: ScaleParameters, progress: (line: string) => void = () => {},
): Promise<ScaleLog> => {
  const dir = scaleLogDir(p);
  const file = join(dir, 'usha.ndjson');
  const summary = join(dir, 'history.json');
  if (existsSync(summary) && existsSync(file)) {
    const history: ScaleHistory = JSON.parse(await readFile(summary, 'utf8'));
    return { file, history, cached: true };
  }
  await mkdir(dir, { recursive: true });
  // The Ledger syncs every append; on a disk, waiting for that is most of the writing time.
  const scratch = await mkdtemp(join(scratchRoot(), 'usha-scale-writing-'));
  // A log half written in memory would hold gigabytes of it until the machine restarts.
  const stopped = (signal: NodeJS.Signals) => {
    rmSync(scratch, { recursive: true, force: true });
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stopped);
  process.once('SIGTERM', stopped);
  try {
    const written = join(scratch, 'usha.ndjson');
    const history = await writeScaleHistory(written, p, progress);
    await copyFile(written, `${file}.partial`);
    await rename(`${file}.partial`, file);
    await writeFile(summary, JSON.stringify(history));
    return { file, history, cached: false };
  } finally {
    process.off('SIGINT', stopped);
    process.off('SIGTERM', stopped);
    await rm(scratch, { recursive: true, force: true });
  }
};
