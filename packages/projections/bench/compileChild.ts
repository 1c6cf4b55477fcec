// Compiles the memory child (replayChild.ts, with the projections, the domain and their
// libraries) to one plain .mjs with esbuild, the compiler tsx itself runs on: the child then
// starts without a TypeScript loader, whose own isolate would otherwise be measured.
import { createRequire } from 'node:module';
import { join } from 'node:path';

type BuildSync = (options: Record<string, unknown>) => unknown;
const hasBuildSync = (m: unknown): m is { buildSync: BuildSync } =>
  typeof m === 'object' && m !== null && typeof Reflect.get(m, 'buildSync') === 'function';

/** Bundles the memory child into `dir`; returns the .mjs file's path. */
export const compileChild = (dir: string): string => {
  const require = createRequire(import.meta.url);
  // esbuild is tsx's dependency, not ours: resolve it from where tsx is installed.
  const esbuild: unknown = createRequire(require.resolve('tsx'))('esbuild');
  if (!hasBuildSync(esbuild)) throw new Error('esbuild (via tsx) has no buildSync');
  const outfile = join(dir, 'replayChild.mjs');
  esbuild.buildSync({
    entryPoints: [new URL('./replayChild.ts', import.meta.url).pathname], outfile,
    bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error',
  });
  return outfile;
};
