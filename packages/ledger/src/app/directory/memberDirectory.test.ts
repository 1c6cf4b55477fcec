import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyLog } from '../../file/verifyLog.ts';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, testLedger,
} from '../testSupport.ts';
import { withFolders } from './directoryFolders.fixture.ts';
import { NoDirectoryError } from '../ledger/ledgerOptions.ts';
import { DirectoryFieldError, WrongMasterKeyError } from './directoryErrors.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { decodeSlot, slotSize } from './slot.ts';

const asha = { name: 'Asha Das', phone: '+91 98300 12345', address: '12 Sonagachi Lane' };


test('personal data is encrypted at rest and read back through the directory', () =>
  withFolders(async ({ file, keyFile }) => {
    const directory = await openMemberDirectory({ file, keyFile });
    const ledger = await testLedger(memoryStore(), { directory });
    await ledger.registerMember('M1', asha);
    const onDisk = await readFile(file, 'latin1');
    for (const s of ['Asha', '98300', 'Sonagachi']) assert.not.ok(onDisk.includes(s), s);
    // Reopened with the same master key, the record reads back.
    await directory.close();
    const reopened = await openMemberDirectory({ file, keyFile });
    assert.equal(await reopened.get('M1'), { status: 'present', details: asha });
    assert.equal(await reopened.get('M2'), { status: 'absent' });
    await reopened.close();
  }));

test('forgetting a member destroys her key; her history stays intact and balanced', () =>
  withFolders(async ({ file, keyFile }) => {
    const store = memoryStore();
    const directory = await openMemberDirectory({ file, keyFile });
    const ledger = await testLedger(store, { directory });
    await memberWithSavings(ledger, 'M1', '1000');
    await ledger.registerMember('M1', asha);
    const before = await allEvents(store);
    await ledger.forgetMember('M1', '2025-01-10');
    assert.equal(await ledger.memberDetails('M1'),
      { status: 'forgotten', forgottenOn: '2025-01-10' });
    // Both of her slots hold the forgotten record: no version of her wrapped key is left.
    const onDisk = await readFile(file);
    assert.is(onDisk.length, 3 * slotSize);
    for (const at of [slotSize, 2 * slotSize]) {
      assert.equal(decodeSlot(onDisk.subarray(at, at + slotSize)), { memberId: 'M1', seq: 2n,
        key: null, record: null, forgottenOn: '2025-01-10' });
    }
    assert.equal(await allEvents(store), before);
    assert.is(await balanceOf(ledger, store, 'SB-M1'), 100000n);
    await directory.close();
  }));

test('details, ids and dates of none of their forms are refused, typed and naming the field, '
  + 'before anything is written: her record and key stay as they were', () =>
  withFolders(async ({ file, keyFile }) => {
    const directory = await openMemberDirectory({ file, keyFile });
    const ledger = await testLedger(memoryStore(), { directory });
    await ledger.registerMember('M1', asha);
    const before = await readFile(file);
    const throwing = new Proxy({}, { get: () => { throw new Error('trap'); } });
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic['self'] = cyclic;
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    const fieldOf = (p: Promise<unknown>) => p.then(() => 'accepted',
      (e: unknown) => e instanceof DirectoryFieldError ? e.field : e);
    for (const details of [42, {}, { name: 5 }, { name: 'A', phone: 7 }, null, undefined,
      throwing, cyclic, { name: deep }, Symbol('d')]) {
      const field = await fieldOf(Reflect.apply(ledger.registerMember, ledger, ['M1', details]));
      assert.ok(typeof field === 'string' && field.startsWith('details'), String(field));
    }
    for (const id of [Symbol('M1'), 42, throwing, '', 'a b', undefined]) {
      assert.is(await fieldOf(Reflect.apply(ledger.registerMember, ledger, [id, asha])),
        'memberId');
      assert.is(await fieldOf(Reflect.apply(ledger.forgetMember, ledger, [id, '2025-01-10'])),
        'memberId');
      for (const read of [directory.get, directory.nominees]) {
        assert.is(await fieldOf(Reflect.apply(read, directory, [id])), 'memberId');
      }
      assert.is(await fieldOf(Reflect.apply(directory.tdsExempt, directory, [id, '2024-25'])),
        'memberId');
    }
    for (const on of [undefined, [1, , 2], '2025-13-40', 20250110, throwing]) {
      assert.is(await fieldOf(Reflect.apply(ledger.forgetMember, ledger, ['M1', on])), 'on');
    }
    assert.equal(await readFile(file), before);
    assert.equal(await ledger.memberDetails('M1'), { status: 'present', details: asha });
    await directory.close();
  }));

test('an export for auditors never contains directory data', () =>
  withFolders(async ({ data: dir, file, keyFile }) => {
    const store = memoryStore();
    const directory = await openMemberDirectory({ file, keyFile });
    const ledger = await testLedger(store, { directory });
    await memberWithSavings(ledger, 'M1', '1000');
    await ledger.registerMember('M1', asha);
    const exported = join(dir, 'audit.ndjson');
    const r = await ledger.exportForAuditors(exported);
    // Admitted, shares, her savings account noted on her stream and opened, a deposit.
    assert.is(r.events, 5);
    const text = await readFile(exported, 'utf8');
    for (const s of ['Asha', 'Das', '98300', 'Sonagachi Lane']) assert.not.ok(text.includes(s), s);
    assert.ok(text.includes('SB-M1'));
    const verified = await verifyLog(exported);
    assert.is(verified.ok && verified.lines, 5);
    await directory.close();
  }));

test('the Ledger rotates the directory key: the old key opens nothing, members still read', () =>
  withFolders(async ({ file, keyFile }) => {
    const directory = await openMemberDirectory({ file, keyFile });
    const ledger = await testLedger(memoryStore(), { directory });
    await ledger.registerMember('M1', asha);
    const oldKey = await readFile(keyFile, 'utf8');
    await ledger.rotateDirectoryKey();
    assert.equal(await ledger.memberDetails('M1'), { status: 'present', details: asha });
    const newKey = await readFile(keyFile, 'utf8');
    assert.is.not(newKey, oldKey);
    await directory.close();
    const reopened = await openMemberDirectory({ file, keyFile });
    assert.equal(await reopened.get('M1'), { status: 'present', details: asha });
    await reopened.close();
    try {
      await openMemberDirectory({ file,
        masterKey: Buffer.from(oldKey.trim(), 'base64') });
      assert.unreachable('the old key opened the directory');
    } catch (e) {
      assert.instance(e, WrongMasterKeyError);
    }
  }));

test('each directory method of a Ledger without a directory rejects with NoDirectoryError',
  async () => {
    const ledger = await testLedger(memoryStore());
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['rotateDirectoryKey', () => ledger.rotateDirectoryKey()],
      ['registerMember', () => ledger.registerMember('M1', asha)],
      ['memberDetails', () => ledger.memberDetails('M1')],
      ['forgetMember', () => ledger.forgetMember('M1', '2024-05-01')],
    ];
    for (const [method, call] of calls) {
      // A promise, not a throw at the call: `.catch` alone handles it.
      const e: unknown = await call().then(() => undefined, (err: unknown) => err);
      assert.instance(e, NoDirectoryError, method);
      assert.is(e instanceof NoDirectoryError && e.method, method);
      assert.match(String(e), `${method}: the Ledger was opened without a member directory`);
    }
  });

test.run();
