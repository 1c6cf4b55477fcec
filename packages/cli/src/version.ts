// The version `usha --version` prints: read from the package's own package.json at run time,
// which sits one folder above both src/ (in the repository) and dist/ (once installed). Read
// as a file rather than imported, because JSON import attributes differ across Node 20 releases.
import { readFileSync } from 'node:fs';

/** The `version` field of @usha/cli's package.json; throws naming the file if it has none. */
export const packageVersion = (): string => {
  const file = new URL('../package.json', import.meta.url);
  const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? manifest.version : undefined;
  if (typeof version !== 'string') {
    throw new TypeError(`${file.pathname}: field version is not a string`);
  }
  return version;
};
