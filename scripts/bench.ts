// Runs every benchmark (packages/*/bench/*.bench.ts) one after another, each in its own
// process so one bench's heap does not colour the next. Each prints ratios against baselines
// measured in the same run. `pnpm bench <filter>` runs only the benches whose path matches.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2];
const benches = readdirSync(join(root, 'packages'))
  .map((p) => join(root, 'packages', p, 'bench'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => join(dir, f)))
  .filter((f) => !filter || f.includes(filter))
  .sort();

let failures = 0;
for (const file of benches) {
  console.log(`\n=== ${relative(root, file)}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failures += 1;
}
if (benches.length === 0) console.log('no benchmarks found');
process.exit(failures > 0 ? 1 : 0);
