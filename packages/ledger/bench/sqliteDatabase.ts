// better-sqlite3 is a native module. An install does not compile it (a fresh machine would
// spend a minute on it for one benchmark), so the benchmark that compares against SQLite
// compiles it the first time it is needed, with the package's own build script.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

const loads = (Database: typeof BetterSqlite3): boolean => {
  try {
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
};

/** better-sqlite3's Database class, its native module compiled first if it is not yet. */
export const sqliteDatabase = (): typeof BetterSqlite3 => {
  const Database: typeof BetterSqlite3 = require('better-sqlite3');
  if (loads(Database)) return Database;
  const dir = dirname(require.resolve('better-sqlite3/package.json'));
  console.log(`compiling better-sqlite3's native module once (npm run build-release in ${dir})`);
  execFileSync('npm', ['run', 'build-release'], { cwd: dir, stdio: 'inherit' });
  return Database;
};
