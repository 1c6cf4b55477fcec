import { access, constants, stat } from 'node:fs/promises';
// What a failed file operation means to the person who named the file, in one line: the
// system's codes (ENOENT, EISDIR) say nothing to an auditor.
const meanings: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a folder on its path is not a directory',
  EACCES: 'cannot be read or written: permission denied',
  EPERM: 'cannot be read or written: operation not permitted',
  EEXIST: 'exists already',
  ENOSPC: 'no space left on the disk',
  EROFS: 'is on a read-only file system',
};

/** What a system error code means, in words (ENOSPC: 'no space left on the disk'), if known. */
export const systemMeaning = (code: string): string | undefined =>
  Object.hasOwn(meanings, code) ? meanings[code] : undefined;

const isSystemError = (e: unknown): e is NodeJS.ErrnoException & { code: string } =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';

/**
 * One line for a file that could not be opened, read or written, naming it (as `shownAs`
 * renames it: a temporary file is shown under the name the user gave); undefined for an
 * error that names no file.
 * @example fileProblem(enoent) // 'usha.ndjson: no such file'
 */
export const fileProblem = (
  e: unknown, shownAs: (path: string) => string = (p) => p,
): string | undefined => {
  if (!isSystemError(e)) return undefined;
  if (e.path === undefined) return undefined;
  return `${shownAs(e.path)}: ${meanings[e.code] ?? `cannot be read or written (${e.code})`}`;
};

/**
 * Why a log file (or another file of `kind`) cannot be read, checked before it is opened (a
 * directory opens, and only its read fails, with a message naming no file); undefined when
 * it is a readable file.
 * @example await logFileProblem('members.dir') // 'members.dir: is a directory, not a log file'
 */
export const logFileProblem = async (
  file: string, kind = 'log file',
): Promise<string | undefined> => {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return `${file}: is a directory, not a ${kind}`;
    if (!s.isFile()) return `${file}: not a regular file`;
    await access(file, constants.R_OK);
    return undefined;
  } catch (e) {
    const line = fileProblem(e);
    if (line === undefined) throw e;
    return line;
  }
};
