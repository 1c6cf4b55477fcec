// Installs packed tarballs into an app's node_modules the way npm lays them out (each package
// at node_modules/<name>, its bins linked and made executable), taking third-party packages
// from the workspace's own installed copies, so the test needs no network and no registry.
// Only what a manifest declares is linked, so an undeclared import fails as it would for a user.
import { execFileSync } from 'node:child_process';
import {
  chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';

const record = t.record(t.string, t.string);

/** The fields of a packed package.json the installer reads. */
export const PackedManifest = t.intersection([
  t.type({ name: t.string, version: t.string }),
  t.partial({
    bin: record, dependencies: record, peerDependencies: record,
    peerDependenciesMeta: t.record(t.string, t.partial({ optional: t.boolean })),
    exports: t.record(t.string, t.type({ types: t.string, import: t.string })),
    private: t.boolean, license: t.string, engines: record,
  }),
]);
/** A decoded packed package.json. */
export type PackedManifest = t.TypeOf<typeof PackedManifest>;

/** Reads and decodes a package.json; a failure names the file and the first bad field. */
export const readManifest = (file: string): PackedManifest => {
  const decoded = PackedManifest.decode(JSON.parse(readFileSync(file, 'utf8')));
  if (isLeft(decoded)) {
    const field = decoded.left[0]?.context.map((c) => c.key).filter(Boolean).join('.');
    throw new TypeError(`${file}: field ${field || '(root)'} does not decode`);
  }
  return decoded.right;
};

const linkDir = (target: string, at: string): void => {
  mkdirSync(dirname(at), { recursive: true });
  if (existsSync(at)) {
    if (realpathSync(at) !== realpathSync(target)) throw new Error(`${at}: two copies wanted`);
    return;
  }
  symlinkSync(target, at, 'dir');
};

/** Options of `linkInstall`: where the app is and where third-party packages come from. */
export interface LinkInstallOptions {
  readonly app: string;
  readonly tarballs: readonly string[];
  /** Folders whose node_modules hold the third-party packages, searched in order. */
  readonly from: readonly string[];
  /** Packages the app itself depends on (its peers and tools), linked first. */
  readonly appDependencies: readonly string[];
}

const findInstalled = (name: string, from: readonly string[]): string => {
  for (const dir of from) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  throw new Error(`${name}: not installed in any of ${from.join(', ')}`);
};

/** Unpacks every tarball, links declared dependencies and bins; returns the manifests. */
export const linkInstall = (o: LinkInstallOptions): PackedManifest[] => {
  const modules = join(o.app, 'node_modules');
  for (const name of o.appDependencies) linkDir(findInstalled(name, o.from), join(modules, name));
  const manifests = o.tarballs.map((tarball) => {
    const staging = join(o.app, '.unpack', relative(dirname(tarball), tarball));
    mkdirSync(staging, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
    const manifest = readManifest(join(staging, 'package.json'));
    const at = join(modules, manifest.name);
    mkdirSync(dirname(at), { recursive: true });
    execFileSync('mv', [staging, at]);
    return manifest;
  });
  const ours = new Set(manifests.map((m) => m.name));
  for (const m of manifests) {
    for (const dep of Object.keys(m.dependencies ?? {})) {
      if (!ours.has(dep)) linkDir(findInstalled(dep, o.from), join(modules, dep));
    }
  }
  for (const m of manifests) {
    for (const peer of Object.keys(m.peerDependencies ?? {})) {
      const optional = m.peerDependenciesMeta?.[peer]?.optional === true;
      if (!optional && !existsSync(join(modules, peer))) {
        throw new Error(`${m.name}: peer dependency ${peer} is not installed`);
      }
    }
    for (const [bin, file] of Object.entries(m.bin ?? {})) {
      const target = join(modules, m.name, file);
      chmodSync(target, 0o755);
      mkdirSync(join(modules, '.bin'), { recursive: true });
      symlinkSync(relative(join(modules, '.bin'), target), join(modules, '.bin', bin));
    }
  }
  return manifests;
};
