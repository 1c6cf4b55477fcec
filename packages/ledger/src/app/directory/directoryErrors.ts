// The directory's typed errors. Every key error extends DirectoryKeyError, so a caller that
// caught the earlier wrong-size error by that class keeps catching it.

/** A fault with the master key: its base class. */
export class DirectoryKeyError extends Error {
  override readonly name: string = 'DirectoryKeyError';
}

/** The master key is not 32 bytes (AES-256). */
export class MasterKeySizeError extends DirectoryKeyError {
  override readonly name = 'MasterKeySizeError';
  constructor(readonly source: string, readonly bytes: number) {
    super(`the master key from ${source} is ${bytes} bytes; it must be 32 (AES-256)`);
  }
}

/** The master key does not open this directory (its check value does not unseal). */
export class WrongMasterKeyError extends DirectoryKeyError {
  override readonly name = 'WrongMasterKeyError';
  constructor(readonly file: string, readonly source: string) {
    super(`the master key from ${source} does not open the member directory ${file}`);
  }
}

/** No master key where one was named (a missing file, an unset variable, a failed provider). */
export class MissingMasterKeyError extends DirectoryKeyError {
  override readonly name = 'MissingMasterKeyError';
  constructor(readonly source: string, reason: string) {
    super(`no master key from ${source}: ${reason}`);
  }
}

/**
 * A key file inside the directory's own folder: a backup or copy of that folder would then
 * carry the key with the data it protects, and forgetting would destroy nothing.
 */
export class KeyBesideDataError extends DirectoryKeyError {
  override readonly name = 'KeyBesideDataError';
  constructor(readonly keyFile: string, readonly folder: string) {
    super(`the key file ${keyFile} is inside the directory's folder ${folder}: a copy of the ` +
      'folder would carry the key with the data; keep the key in another folder, an ' +
      'environment variable or a key service');
  }
}

/**
 * Options of `openMemberDirectory` it cannot use: no object, a field that throws as it is read,
 * a `file` that is no path, no key source or more than one, or a source of the wrong kind.
 */
export class DirectoryOptionsError extends TypeError {
  override readonly name = 'DirectoryOptionsError';
  constructor(readonly field: string, readonly reason: string) {
    super(field === '' ? `openMemberDirectory options: ${reason}`
      : `openMemberDirectory option ${field}: ${reason}`);
  }
}

/** The directory file is not one, or is damaged beyond a torn last write. */
export class DirectoryCorruptError extends Error {
  override readonly name = 'DirectoryCorruptError';
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** A member's details do not fit her fixed-size record. */
export class DirectoryRecordTooLargeError extends Error {
  override readonly name = 'DirectoryRecordTooLargeError';
  constructor(readonly memberId: string, readonly bytes: number, readonly maxBytes: number) {
    super(`the details of ${memberId} take ${bytes} bytes; a record holds at most ${maxBytes}`);
  }
}

/** A member id or a date that does not fit its field of the record. */
export class DirectoryFieldError extends Error {
  override readonly name = 'DirectoryFieldError';
  constructor(readonly memberId: string, readonly field: string, readonly reason: string) {
    super(`member ${memberId}: ${field} ${reason}`);
  }
}

/** A nominee or declaration for a member the directory holds no readable record of. */
export class MemberNotInDirectoryError extends Error {
  override readonly name = 'MemberNotInDirectoryError';
  constructor(readonly memberId: string, readonly status: 'forgotten' | 'absent') {
    super(`member ${memberId} is ${status} in the directory: ` +
      'register her before a nominee or a declaration');
  }
}

/**
 * The directory is open already, in this process or another: two openers would each write
 * records where the other's are (a member's record lost), or under a key the other replaced.
 */
export class DirectoryLockedError extends Error {
  override readonly name = 'DirectoryLockedError';
  constructor(readonly file: string, readonly detail: string) {
    super(`the member directory ${file} is open already, in this process or another ` +
      `(${detail}): close it there first (directory.close())`);
  }
}

/** A call on a directory after its `close()`. */
export class DirectoryClosedError extends Error {
  override readonly name = 'DirectoryClosedError';
  constructor(readonly file: string, readonly method: string) {
    super(`${method}: the member directory ${file} is closed`);
  }
}
