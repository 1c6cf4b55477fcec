import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detailsOf, withFolders, type Folders } from './directoryFolders.fixture.ts';
import { WrongMasterKeyError } from './directoryErrors.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { tryUnseal } from './sealed.ts';
import { decodeSlot, slotSize } from './slot.ts';

const keyIn = async (keyFile: string) =>
  Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');

const refused = async (p: Promise<unknown>) =>
  assert.instance(await p.then(() => undefined, (e: unknown) => e), WrongMasterKeyError);

// M1..M3 registered, M2 forgotten: the directory every rotation test starts from.
const seed = async ({ file, keyFile }: Folders) => {
  const d = await openMemberDirectory({ file, keyFile });
  for (const i of [1, 2, 3]) await d.put(`M${i}`, detailsOf(i));
  await d.forget('M2', '2025-05-01');
  return d;
};

const expectReadable = async (file: string, masterKey: Buffer) => {
  const d = await openMemberDirectory({ file, masterKey });
  assert.equal(await d.get('M1'), { status: 'present', details: detailsOf(1) });
  assert.equal(await d.get('M2'), { status: 'forgotten', forgottenOn: '2025-05-01' });
  assert.equal(await d.get('M3'), { status: 'present', details: detailsOf(3) });
  await d.close();
};

// Every wrapped key in every slot of `bytes` that `key` unwraps.
const unwrappable = (bytes: Buffer, key: Buffer): string[] => {
  const opened: string[] = [];
  for (let at = slotSize; at + slotSize <= bytes.length; at += slotSize) {
    const s = decodeSlot(bytes.subarray(at, at + slotSize));
    if (s?.key && tryUnseal(key, s.key, `key:${s.memberId}`)) opened.push(s.memberId);
  }
  return opened;
};

test('a rotation re-wraps every live key; a copy taken before opens with no key that remains',
  () => withFolders(async (f) => {
    const d = await seed(f);
    // The backup sits in a folder of its own, as a copy would (never beside a key).
    await mkdir(join(f.data, 'backup'));
    const backup = join(f.data, 'backup', 'members.dir');
    await copyFile(f.file, backup);
    const oldKey = await keyIn(f.keyFile);
    await d.rotateMasterKey();
    const newKey = await keyIn(f.keyFile);
    assert.not.ok(newKey.equals(oldKey));
    assert.equal(await readdir(f.keys), ['members.key']);
    assert.equal(await d.get('M3'), { status: 'present', details: detailsOf(3) });
    await d.close();
    await expectReadable(f.file, newKey);
    await refused(openMemberDirectory({ file: f.file, masterKey: oldKey }));
    await refused(openMemberDirectory({ file: backup, masterKey: newKey }));
    assert.equal(unwrappable(await readFile(backup), newKey), []);
    assert.equal(unwrappable(await readFile(backup), oldKey), ['M1', 'M3']);
    assert.equal(unwrappable(await readFile(f.file), newKey), ['M1', 'M3']);
  }));

test('with a key the app holds, the rotation takes the new key and the old one stops opening',
  () => withFolders(async ({ file }) => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const d = await openMemberDirectory({ file, masterKey: oldKey });
    for (const i of [1, 2, 3]) await d.put(`M${i}`, detailsOf(i));
    await d.forget('M2', '2025-05-01');
    await d.rotateMasterKey(newKey);
    await d.close();
    await expectReadable(file, newKey);
    await refused(openMemberDirectory({ file, masterKey: oldKey }));
  }));

// The files a rotation writes, in order: <key>.next, <file>.next, then <file> replaced (zeroed,
// renamed over), then <key> replaced. A crash leaves one of the states below; each must open
// with exactly one of the two keys, every live member readable.
const crashStates: Record<string, { readonly rotated: boolean;
  readonly lay: (f: Folders, after: Buffer) => Promise<void> }> = {
  'the new key written, nothing else': { rotated: false, lay: async () => undefined },
  'the new directory torn': { rotated: false, lay: (f, after) =>
    writeFile(`${f.file}.next`, after.subarray(0, slotSize + 700)) },
  'the new directory whole, the old in place': { rotated: true, lay: (f, after) =>
    writeFile(`${f.file}.next`, after) },
  'the old directory zeroed, the new not renamed': { rotated: true, lay: async (f, after) => {
    await writeFile(`${f.file}.next`, after);
    await writeFile(f.file, Buffer.alloc((await readFile(f.file)).length));
  } },
  'the new directory in place, the old key not replaced': { rotated: true,
    lay: (f, after) => writeFile(f.file, after) },
  'the old key zeroed, the new not renamed': { rotated: true, lay: async (f, after) => {
    await writeFile(f.file, after);
    await writeFile(f.keyFile, Buffer.alloc(45));
  } },
};

for (const [state, { rotated, lay }] of Object.entries(crashStates)) {
  test(`a rotation cut short (${state}) opens with exactly one key`, () =>
    withFolders(async (f) => {
      await (await seed(f)).close();
      const oldKey = await keyIn(f.keyFile);
      const newKey = randomBytes(32);
      // The rotated directory, made in a copy: what the rotation would have written.
      await mkdir(join(f.data, 'copy'));
      const copy = join(f.data, 'copy', 'members.dir');
      await copyFile(f.file, copy);
      const rotating = await openMemberDirectory({ file: copy, masterKey: oldKey });
      await rotating.rotateMasterKey(newKey);
      await rotating.close();
      const after = await readFile(copy);
      await rm(join(f.data, 'copy'), { recursive: true });
      await writeFile(`${f.keyFile}.next`, `${newKey.toString('base64')}\n`);
      await lay(f, after);
      const repaired = await openMemberDirectory({ file: f.file, keyFile: f.keyFile });
      const [kept, other] = rotated ? [newKey, oldKey] : [oldKey, newKey];
      assert.ok((await keyIn(f.keyFile)).equals(kept));
      assert.equal((await readdir(f.keys)).sort(), ['members.key']);
      assert.equal(await readdir(f.data), ['members.dir']);
      await repaired.close();
      await expectReadable(f.file, kept);
      await refused(openMemberDirectory({ file: f.file, masterKey: other }));
    }));
}

test.run();
