import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyLog } from '../../file/verifyLog.ts';
import {
  allEvents, balanceOf, memberWithSavings, memoryStore, testLedger,
} from '../testSupport.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';

const asha = { name: 'Asha Das', phone: '+91 98300 12345', address: '12 Sonagachi Lane' };

const withDir = async (f: (dir: string) => Promise<void>) => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-directory-'));
  try { await f(dir); } finally { await rm(dir, { recursive: true, force: true }); }
};

test('personal data is encrypted at rest and read back through the directory', () =>
  withDir(async (dir) => {
    const file = join(dir, 'members.json');
    const keyFile = join(dir, 'members.key');
    const directory = await openMemberDirectory({ file, keyFile });
    const ledger = await testLedger(memoryStore(), { directory });
    await ledger.registerMember('M1', asha);
    const onDisk = await readFile(file, 'utf8');
    for (const s of ['Asha', '98300', 'Sonagachi']) assert.not.ok(onDisk.includes(s), s);
    // Reopened with the same master key, the record reads back.
    const reopened = await openMemberDirectory({ file, keyFile });
    assert.equal(await reopened.get('M1'), { status: 'present', details: asha });
    assert.equal(await reopened.get('M2'), { status: 'absent' });
  }));

test('forgetting a member destroys her key; her history stays intact and balanced', () =>
  withDir(async (dir) => {
    const store = memoryStore();
    const directory = await openMemberDirectory({ file: join(dir, 'm.json'),
      keyFile: join(dir, 'm.key') });
    const ledger = await testLedger(store, { directory });
    await memberWithSavings(ledger, 'M1', '1000');
    await ledger.registerMember('M1', asha);
    const before = await allEvents(store);
    await ledger.forgetMember('M1', '2025-01-10');
    assert.equal(await ledger.memberDetails('M1'),
      { status: 'forgotten', forgottenOn: '2025-01-10' });
    const onDisk = JSON.parse(await readFile(join(dir, 'm.json'), 'utf8'));
    assert.is(onDisk.members.M1.key, null, 'the data key is gone');
    assert.type(onDisk.members.M1.record, 'string');
    assert.equal(await allEvents(store), before);
    assert.is(await balanceOf(ledger, store, 'SB-M1'), 100000n);
  }));

test('an export for auditors never contains directory data', () =>
  withDir(async (dir) => {
    const store = memoryStore();
    const directory = await openMemberDirectory({ file: join(dir, 'm.json'),
      keyFile: join(dir, 'm.key') });
    const ledger = await testLedger(store, { directory });
    await memberWithSavings(ledger, 'M1', '1000');
    await ledger.registerMember('M1', asha);
    const exported = join(dir, 'audit.ndjson');
    const r = await ledger.exportForAuditors(exported);
    assert.is(r.events, 4);
    const text = await readFile(exported, 'utf8');
    for (const s of ['Asha', 'Das', '98300', 'Sonagachi Lane']) assert.not.ok(text.includes(s), s);
    assert.ok(text.includes('SB-M1'));
    const verified = await verifyLog(exported);
    assert.is(verified.ok && verified.lines, 4);
  }));

test.run();
