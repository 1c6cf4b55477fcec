import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detailsOf, withFolders } from './directoryFolders.fixture.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { tryUnseal } from './sealed.ts';
import { slotSize } from './slot.ts';

const kills = 24;
const keyField = { from: 177, to: 237 }; // where a slot keeps the wrapped key (see slot.ts)

// Runs the child, kills it with SIGKILL `delayMs` after it is ready; returns its whole lines.
const runAndKill = (file: string, keyFile: string, run: number, delayMs: number) =>
  new Promise<string[]>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx',
      new URL('./directoryCrashChild.fixture.ts', import.meta.url).pathname,
      file, keyFile, String(run)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      const first = out === '';
      out += d.toString();
      if (first) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', () => resolve(out.slice(0, out.lastIndexOf('\n')).split('\n')));
  });

const idField = { length: 13, from: 49, to: 177 };

/**
 * Every member id whose wrapped key some key unwraps, from any slot-sized block of any file
 * in `folder`, checksum or not (a torn block is tried too), under the id its block names.
 */
const unwrappable = async (folder: string, keys: readonly Buffer[]) => {
  const found = new Set<string>();
  for (const name of await readdir(folder)) {
    const bytes = await readFile(join(folder, name));
    for (let at = 0; at + keyField.to <= bytes.length; at += slotSize) {
      const sealed = bytes.subarray(at + keyField.from, at + keyField.to);
      if (sealed.every((b) => b === 0)) continue;
      const id = bytes.subarray(at + idField.from, at + idField.from +
        Math.min(bytes[at + idField.length] ?? 0, idField.to - idField.from)).toString('utf8');
      if (keys.some((k) => tryUnseal(k, sealed, `key:${id}`))) found.add(id);
    }
  }
  return [...found].sort();
};

const nameBytes = (n: number) => Buffer.from(detailsOf(n).name, 'utf8');

test(`after ${kills} SIGKILLs, forgetting everyone leaves no name any key can open`, () =>
  withFolders(async ({ data, file, keyFile }) => {
    const acked = new Map<string, 'present' | 'forgotten'>();
    const tried = new Map<string, number>();
    const keys: Buffer[] = [];
    let rotations = 0;
    let rotationsCut = 0;
    for (let run = 1; run <= kills; run++) {
      const lines = await runAndKill(file, keyFile, run, 10 + Math.random() * 150);
      const tries = lines.filter((l) => l === 'try rotate').length;
      rotationsCut += tries - lines.filter((l) => l === 'ack rotate').length;
      for (const line of lines) {
        const [step, what, id = '', n = ''] = line.split(' ');
        if (step === 'try' && what === 'put') tried.set(id, Number(n));
        if (step === 'ack' && what === 'put') acked.set(id, 'present');
        if (step === 'ack' && what === 'forget') acked.set(id, 'forgotten');
        if (step === 'ack' && what === 'rotate') rotations++;
      }
      const d = await openMemberDirectory({ file, keyFile });
      keys.push(Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64'));
      for (const [id, status] of acked) {
        const e = await d.get(id);
        if (status === 'forgotten') assert.is(e.status, 'forgotten', `run ${run}: ${id}`);
        // An unacknowledged forgetting may have happened: present or forgotten, never absent.
        else assert.ok(e.status !== 'absent', `run ${run}: ${id} lost`);
      }
      assert.equal(await readdir(data), ['members.dir'], `run ${run}: stray files`);
      // Given back before the next child opens it.
      await d.close();
    }
    const ids = [...tried.keys()];
    const d = await openMemberDirectory({ file, keyFile });
    const present = [];
    for (const id of ids) if ((await d.get(id)).status === 'present') present.push(id);
    // The scan finds what is there: before the forgetting, exactly the present members.
    assert.equal(await unwrappable(data, keys), present.sort());
    for (const id of ids) await d.forget(id, '2025-04-01');
    assert.equal(await unwrappable(data, keys), [], 'a forgotten key still unwraps');
    await d.close();
    for (const name of await readdir(data)) {
      const bytes = await readFile(join(data, name));
      for (const n of tried.values()) {
        assert.is(bytes.indexOf(nameBytes(n)), -1, `${detailsOf(n).name} in ${name}`);
      }
    }
    assert.ok(acked.size > kills, `only ${acked.size} acknowledged`);
    console.log(`  ${tried.size} members tried, ${acked.size} acknowledged, ` +
      `${present.length} present before the forgetting, ${rotations} rotations ` +
      `(${rotationsCut} cut by a kill), ${keys.length} keys tried on every block`);
  }));

test.run();
