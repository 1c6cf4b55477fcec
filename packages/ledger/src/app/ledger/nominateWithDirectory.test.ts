import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inMemoryMemberDirectory } from '../directory/openMemberDirectory.ts';
import { formatMemberPassbook } from '../reports/memberPassbook.ts';
import { allEvents, memberWithSavings, memoryStore, ok, testLedger } from '../testSupport.ts';

const rina = { name: 'Rina Das', relationship: 'daughter', contact: '9830012345' };
const request = { commandId: 'nom-1', actor: 'clerk', on: '2024-04-02', account: 'deposit',
  accountId: 'SB-M1', memberId: 'M1', nominee: rina } as const;

const setUp = async (store = memoryStore(), directory = inMemoryMemberDirectory()) => {
  const ledger = await testLedger(store, { directory });
  await memberWithSavings(ledger, 'M1', '1000');
  await ledger.registerMember('M1', { name: 'Asha' });
  return { store, directory, ledger };
};
const nominations = async (store: ReturnType<typeof memoryStore>) =>
  (await allEvents(store)).filter((e) => e.type === 'NomineeNominated').map((e) => e.data);

test('the log holds the reference only; the directory holds her name', async () => {
  const { store, ledger } = await setUp();
  ok(await ledger.nominate(request));
  assert.equal(await nominations(store), [{ account: 'deposit', accountId: 'SB-M1',
    memberId: 'M1', on: '2024-04-02', nomineeRef: 'NOM-1', replaces: null }]);
  assert.not.match(JSON.stringify((await allEvents(store)).map((e) => e.data)),
    /Rina|9830012345|daughter/);
  assert.equal(await ledger.nominees('M1'), { status: 'present', nominees: { 'NOM-1': rina } });
});

test('a crash between the directory and the log leaves an unused record; the retry uses it',
  async () => {
    const { store, directory } = await setUp();
    const dying: typeof store = { ...store,
      appendToStream: () => Promise.reject(new Error('killed')) };
    const cut = await testLedger(dying, { directory });
    await cut.nominate(request).catch(() => undefined);
    assert.equal(await nominations(store), []);
    const reopened = await testLedger(store, { directory });
    ok(await reopened.nominate(request));
    assert.equal((await nominations(store)).map((n) => n.nomineeRef), ['NOM-1']);
    assert.equal(await directory.nominees('M1'), { status: 'present',
      nominees: { 'NOM-1': rina } });
  });

test('a second nominee replaces the first; her member details are kept beside them',
  async () => {
    const { store, ledger } = await setUp();
    ok(await ledger.nominate(request));
    ok(await ledger.nominate({ ...request, commandId: 'nom-2',
      nominee: { name: 'Mita', relationship: 'sister' } }));
    assert.equal((await nominations(store)).map((n) => [n.nomineeRef, n.replaces]),
      [['NOM-1', null], ['NOM-2', 'NOM-1']]);
    assert.equal(await ledger.memberDetails('M1'),
      { status: 'present', details: { name: 'Asha' } });
  });

test('the passbook prints a line without a name', async () => {
  const { ledger } = await setUp();
  ok(await ledger.nominate(request));
  const text = formatMemberPassbook(await ledger.passbook('M1'));
  assert.match(text, 'Nominee recorded (NOM-1)');
  assert.not.match(text, /Rina/);
});

test('forgetting the member forgets her nominees', async () => {
  const { ledger } = await setUp();
  ok(await ledger.nominate(request));
  await ledger.forgetMember('M1', '2024-05-01');
  assert.equal(await ledger.nominees('M1'), { status: 'forgotten', forgottenOn: '2024-05-01' });
});

test('a stray field in her details or a bad account id writes nothing', async () => {
  const { store, ledger } = await setUp();
  const stray = await ledger.nominate({ ...request,
    nominee: { ...rina, address: 'Sonagachi' } as typeof rina });
  assert.equal(stray.status === 'rejected' && stray.rejection.type, 'invalid_command');
  const bad = await ledger.nominate({ ...request, accountId: 'Rina Das' });
  assert.equal(bad.status === 'rejected' && bad.rejection.type, 'invalid_command');
  assert.equal(await nominations(store), []);
  assert.equal(await ledger.nominees('M1'), { status: 'present', nominees: {} });
});

test.run();
