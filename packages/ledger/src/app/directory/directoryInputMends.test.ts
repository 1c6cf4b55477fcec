// What an app hands the directory is checked when it is handed over: a rotation's new key is
// bytes, copied at the call; a nominee is decoded before anything is queued; a refusal names
// the field and never the value (which may be her phone number). A key file a first open left
// empty, with no directory yet, is made again.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryStore, testLedger } from '../testSupport.ts';
import { detailsOf, withFolders } from './directoryFolders.fixture.ts';
import {
  DirectoryFieldError, DirectoryOptionsError, MissingMasterKeyError,
} from './directoryErrors.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

test('a rotation to a Uint8Array key writes it as the key file holds keys: the directory opens '
  + 'again under it', () => withFolders(async ({ file, keyFile }) => {
  const d = await openMemberDirectory({ file, keyFile });
  await d.put('M1', detailsOf(1));
  const next = new Uint8Array(randomBytes(32));
  await d.rotateMasterKey(next);
  assert.equal((await readFile(keyFile, 'utf8')).trim(), Buffer.from(next).toString('base64'));
  await d.close();
  const reopened = await openMemberDirectory({ file, keyFile });
  assert.equal(await reopened.get('M1'), { status: 'present', details: detailsOf(1) });
  await reopened.close();
}));

test('a key provider that throws anything is refused typed, its words read without a throw of '
  + 'their own', () => withFolders(async ({ file }) => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const wordless = Object.defineProperty(new Error('x'), 'message',
    { get: () => { throw new Error('y'); } });
  for (const [thrown, why] of [[new Error('vault locked'), 'vault locked'],
    [revoked.proxy, 'object'], [wordless, 'object'], [7, 'number']] as const) {
    const refused = await failure(openMemberDirectory({ file,
      keyProvider: () => Promise.reject(thrown) }));
    assert.ok(refused instanceof MissingMasterKeyError, `${why}: ${String(refused)}`);
    assert.match(String(refused), why);
  }
}));

test('a rotation to a string, or to bytes of another length, is refused at the call; nothing '
  + 'changes', () => withFolders(async ({ file, keyFile }) => {
  const d = await openMemberDirectory({ file, keyFile });
  await d.put('M1', detailsOf(1));
  const before = await readFile(keyFile, 'utf8');
  const text = await failure(d.rotateMasterKey('k'.repeat(32) as unknown as Buffer));
  assert.ok(text instanceof MissingMasterKeyError, String(text));
  assert.match(String(text), 'it is string, not bytes');
  assert.ok((await failure(d.rotateMasterKey(Buffer.alloc(16)))) instanceof Error);
  assert.is(await readFile(keyFile, 'utf8'), before);
  await d.close();
  const reopened = await openMemberDirectory({ file, keyFile });
  assert.equal(await reopened.get('M1'), { status: 'present', details: detailsOf(1) });
  await reopened.close();
}));

test('the new key is read at the call: a buffer wiped once the call returns is not what the '
  + 'records are wrapped under', () => withFolders(async ({ file, keyFile }) => {
  const d = await openMemberDirectory({ file, keyFile });
  await d.put('M1', detailsOf(1));
  const next = randomBytes(32);
  const kept = Buffer.from(next);
  const rotated = d.rotateMasterKey(next);
  next.fill(0); // the app wipes its copy as soon as it has handed it over
  await rotated;
  await d.close();
  const reopened = await openMemberDirectory({ file, masterKey: kept });
  assert.equal(await reopened.get('M1'), { status: 'present', details: detailsOf(1) });
  await reopened.close();
}));

test('a refusal of her details or a nominee\'s names the field, never the value given', () =>
  withFolders(async ({ file, keyFile }) => {
    const d = await openMemberDirectory({ file, keyFile });
    const phone = await failure(d.put('M1', { name: 'Rina Das',
      phone: 9830012345 } as unknown as { name: string }));
    assert.ok(phone instanceof DirectoryFieldError);
    assert.is(phone.field, 'details.phone');
    assert.not.match(phone.message, '9830012345');
    const ledger = await testLedger(memoryStore(), { directory: d });
    const o = await ledger.nominate({ commandId: 'n1', actor: 'clerk', on: '2024-04-01',
      account: 'savings', accountId: 'SB-M1', memberId: 'M1',
      nominee: { name: 'Mina', relationship: 'sister', contact: 9830055555 } } as never);
    assert.is(o.status, 'rejected');
    assert.not.match(JSON.stringify(o), '9830055555');
    // A PAN given where the form's name goes: refused naming the field, the PAN not shown.
    await d.put('M1', detailsOf(1));
    const pan = await failure(d.recordTdsExemption('M1',
      { financialYear: '2024-25', form: 'ABCDE1234F' } as never));
    assert.is(pan instanceof Error && pan.name, 'InvalidTdsExemptionError');
    assert.ok(pan instanceof Error && pan.message.includes('form: expected TdsExemptionForm'),
      String(pan));
    assert.not.match(String(pan), 'ABCDE1234F');
    await d.close();
  }));

test('a nominee the directory could not read back is refused at the call; her record stays '
  + 'readable', () => withFolders(async ({ file, keyFile }) => {
  const d = await openMemberDirectory({ file, keyFile });
  await d.put('M1', detailsOf(1));
  const bad = await failure(d.putNominee('M1', 'c1', { name: 'Mina', relationship: 'sister',
    contact: 9830055555 } as unknown as { name: string; relationship: string }));
  assert.ok(bad instanceof DirectoryFieldError);
  assert.is(bad.field, 'nominee.contact');
  assert.ok((await failure(d.putNominee('M1', 42 as unknown as string,
    { name: 'Mina', relationship: 'sister' }))) instanceof DirectoryFieldError);
  assert.ok((await failure(d.putNominee('M1', 'c2', undefined as never)))
    instanceof DirectoryFieldError);
  assert.equal(await d.get('M1'), { status: 'present', details: detailsOf(1) });
  assert.equal(await d.nominees('M1'), { status: 'present', nominees: {} });
  await d.close();
}));

test('an empty key file and no directory (a first open killed between the two): a key is made '
  + 'and the directory opens; beside a directory, an empty key file is refused', () =>
  withFolders(async ({ file, keyFile }) => {
    await writeFile(keyFile, '', { mode: 0o600 });
    const d = await openMemberDirectory({ file, keyFile });
    await d.put('M1', detailsOf(1));
    assert.is(Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64').length, 32);
    await d.close();
    await writeFile(keyFile, '', { mode: 0o600 });
    assert.ok((await failure(openMemberDirectory({ file, keyFile }))) instanceof Error);
  }));

test('a key\'s bytes are read through the typed array itself: a proxy is refused typed, an own '
  + 'valueOf or length is never asked', () => withFolders(async ({ file, keyFile }) => {
  const d = await openMemberDirectory({ file, keyFile });
  await d.put('M1', detailsOf(1));
  const trap = new Proxy(new Uint8Array(32), { get() { throw new Error('trap'); } });
  assert.ok((await failure(d.rotateMasterKey(trap))) instanceof MissingMasterKeyError);
  const next = new Uint8Array(randomBytes(32));
  const real = Buffer.from(next);
  Object.defineProperty(next, 'valueOf', { value: () => 'A'.repeat(32) });
  Object.defineProperty(next, 'length', { get() { throw new Error('length'); } });
  await d.rotateMasterKey(next);
  await d.close();
  const reopened = await openMemberDirectory({ file, masterKey: real });
  assert.equal(await reopened.get('M1'), { status: 'present', details: detailsOf(1) });
  await reopened.close();
}));

test('so at every way a key is given: the masterKey option and a provider\'s answer read '
  + 'through the typed array too; a proxy that traps its prototype, or a revoked one, is '
  + 'refused typed', () => withFolders(async ({ data }) => {
  const trap = new Proxy(new Uint8Array(32), { get() { throw new Error('trap'); } });
  const option = await failure(openMemberDirectory({ file: join(data, 'a.dir'),
    masterKey: trap as never }));
  assert.ok(option instanceof DirectoryOptionsError && option.field === 'masterKey',
    String(option));
  const key = randomBytes(32);
  const odd = () => {
    const k = new Uint8Array(key);
    Object.defineProperty(k, 'length', { get() { throw new Error('length'); } });
    return k as unknown as Buffer; // as an app's typed code may hand it over
  };
  const viaOption = await openMemberDirectory({ file: join(data, 'b.dir'), masterKey: odd() });
  await viaOption.close();
  const viaProvider = await openMemberDirectory({ file: join(data, 'b.dir'),
    keyProvider: () => Promise.resolve(odd()) });
  await viaProvider.close();
  const proto = new Proxy(new Uint8Array(32), {
    getPrototypeOf() { throw new Error('proto trap'); } });
  const { proxy: revoked, revoke } = Proxy.revocable(new Uint8Array(32), {});
  revoke();
  const d = await openMemberDirectory({ file: join(data, 'c.dir'), masterKey: key });
  for (const bad of [proto, revoked]) {
    assert.ok((await failure(d.rotateMasterKey(bad as never))) instanceof MissingMasterKeyError);
  }
  await d.close();
}));

test.run();
