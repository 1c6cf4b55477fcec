// The named passbook prints who a nominee is beside the line that recorded her: the name comes
// from the directory when the passbook is printed, and the log keeps the reference only.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import { formatMemberPassbook } from './memberPassbook.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const nominate = { commandId: 'nom-1', actor: 'clerk', on: '2024-04-02', account: 'deposit',
  accountId: 'SB-M1', memberId: 'M1',
  nominee: { name: 'Rina Das', relationship: 'daughter' } } as const;

const nominated = async () => {
  const store = memoryStore();
  const ledger = await testLedger(store, { directory: inMemoryMemberDirectory() });
  await memberWithSavings(ledger, 'M1', '1000');
  await ledger.registerMember('M1', { name: 'Asha' });
  ok(await ledger.nominate(nominate));
  return { store, ledger };
};
const nomineeLines = (text: string) => text.split('\n').filter((l) => l.includes('Nominee'));

test('the named passbook prints her nominee\'s name beside the line; the log has only NOM-1',
  async () => {
    const { store, ledger } = await nominated();
    const named = await ledger.passbook('M1', { withName: true });
    assert.equal(named.nominees, { 'NOM-1': 'Rina Das' });
    const lines = nomineeLines(formatMemberPassbook(named));
    assert.is(lines.length, 1);
    assert.match(lines[0]!, /2024-04-02 +Nominee recorded \(NOM-1\): Rina Das /);
    assert.not.match(JSON.stringify((await allEvents(store)).map((e) => e.data)), /Rina/);
  });

test('a passbook printed without names, or after she is forgotten, names no nominee',
  async () => {
    const { ledger } = await nominated();
    const plain = nomineeLines(formatMemberPassbook(await ledger.passbook('M1')));
    assert.is(plain.length, 1);
    assert.match(plain[0]!, /Nominee recorded \(NOM-1\) /);
    assert.not.match(plain[0]!, /Rina/);
    await ledger.forgetMember('M1', '2024-05-01');
    const forgotten = await ledger.passbook('M1', { withName: true });
    assert.equal(forgotten.nominees, {});
    assert.not.match(formatMemberPassbook(forgotten), /Rina/);
  });

test.run();
