import { access, constants, stat } from 'node:fs/promises';
import { fileAccessMeaning, notAFile } from '@usha/ledger';
// What a failed file operation means to the person who named the file, in one line: the
// system's codes (ENOENT, EISDIR) say nothing to an auditor. The library's FileAccessError
// carries a code and a path as the system's errors do, and is read the same way. These words
// are the command's own where its pages and tests have long shown them; any other code is
// said in the library's words (`fileAccessMeaning`: ELOOP, EMFILE, an unknown code...).
const meanings: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a folder on its path is not a directory',
  EACCES: 'cannot be read or written: permission denied',
  EPERM: 'cannot be read or written: operation not permitted',
  EEXIST: 'exists already',
  ENOSPC: 'no space left on the disk',
  EROFS: 'is on a read-only file system',
  // The library adds "(a device, pipe, socket or symbolic link)": the command follows a
  // symbolic link to a file, so a link is never what it refuses here.
  [notAFile]: 'not a regular file',
  // The library's words name "the library"; the person at the command knows only usha (an
  // export is written first beside its name, under a longer one).
  ENAMETOOLONG: 'its name, or a name usha makes from it, is too long',
};

/** What a system error code means, in words (ENOSPC: 'no space left on the disk'), if known. */
export const systemMeaning = (code: string): string | undefined =>
  Object.hasOwn(meanings, code) ? meanings[code] : undefined;

/** What a code of a failed file operation means for its path, in words, whatever the code. */
export const fileMeaning = (code: string): string =>
  systemMeaning(code) ?? fileAccessMeaning(code);

// A system error, or the library's FileAccessError (a code, 'ENOTREG' among them, and a path).
const isFileError = (e: unknown): e is Error & { code: string; path?: unknown } =>
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
  if (!isFileError(e) || typeof e.path !== 'string') return undefined;
  return `${shownAs(e.path)}: ${fileMeaning(e.code)}`;
};

/**
 * Why a log file (or another file of `kind`) cannot be read, checked before it is opened (a
 * directory opens, and only its read fails, with a message naming no file; a pipe's open
 * waits for a writer); undefined when it is a readable file.
 * @example await logFileProblem('members.dir') // 'members.dir: is a directory, not a log file'
 */
export const logFileProblem = async (
  file: string, kind = 'log file',
): Promise<string | undefined> => {
  try {
    const s = await stat(file);
    if (s.isDirectory()) return `${file}: is a directory, not a ${kind}`;
    if (!s.isFile()) return `${file}: ${fileMeaning(notAFile)}`;
    await access(file, constants.R_OK);
    return undefined;
  } catch (e) {
    const line = fileProblem(e);
    if (line === undefined) throw e;
    return line;
  }
};
