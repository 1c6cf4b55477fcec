// A till's side released by hand: only for an account step that was refused or reversed. A
// step that stands has the member's money in her account; releasing its till side would take
// the cash out of the till's book while the books keep it, a shortage no count would show.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { allEvents, ok, testLedger } from '../testSupport.ts';
import { tillOpened } from './tillOpened.fixture.ts';

const by = (id: string, on = '2024-04-02', actor = 'cashier') => ({ commandId: id, actor, on });
const at = { branchId: 'SONAGACHI' };
const till = { ...at, tillId: 'T1' };
const refusal = (o: { readonly status: string }) => ('rejection' in o ? o.rejection : o.status);
type TestLedger = Awaited<ReturnType<typeof testLedger>>;

// Her savings account, and Rs 50,000.00 in till T1.
const openTill = () => tillOpened([['M1', '5000']]);
// Her Rs 3,000.00 deposited through the till (step d1:account).
const depositD1 = async (ledger: TestLedger) => assert.is((await ledger.cashAtTill({
  ...by('d1'), ...till, type: 'MakeDeposit', accountId: 'SB-M1', amount: '3000' })).status,
'completed');
const depositAtTill = async () => {
  const opened = await openTill();
  await depositD1(opened.ledger);
  return opened;
};
const cash = async (ledger: TestLedger) => (await ledger.tillPositions(at)).tills[0]?.cash;
const release = { type: 'ReleaseTillCash' as const, data: { ...by('back-1'), ...at,
  stepId: 'd1:account' } };
const stands = { type: 'step_stands', branchId: 'SONAGACHI', stepId: 'd1:account',
  stream: 'deposit-SB-M1' };
const reverse = (id: string, eventId: string) => ({ type: 'ReverseEvent' as const, data: {
  ...by(id, '2024-04-02', 'manager'), aggregate: 'deposit' as const, aggregateId: 'SB-M1',
  eventId, reason: 'entry_error' as const } });

test('a completed deposit\'s till side is not released by hand: step_stands, nothing stored',
  async () => {
    const { store, ledger } = await depositAtTill();
    const before = (await allEvents(store)).length;
    assert.equal(refusal(await ledger.execute(release)), stands);
    assert.is(await cash(ledger), '53000.00');
    assert.is((await allEvents(store)).length, before);
  });

test('once the deposit is reversed and her cash handed back, its till side is released, once',
  async () => {
    const { ledger } = await depositAtTill();
    ok(await ledger.execute(reverse('rv-1', 'd1:account.0')));
    ok(await ledger.execute(release));
    assert.is(await cash(ledger), '50000.00');
    assert.equal(refusal(await ledger.execute({ ...release,
      data: { ...release.data, commandId: 'back-2' } })),
    { type: 'already_reversed', eventId: 'd1:account' });
  });

test('a reversal of another command whose id begins with the step\'s does not free its till '
  + 'side: step_stands', async () => {
    // Command ids may hold dots: "d1:account.x" is another command, its event d1:account.x.0.
    const { ledger } = await depositAtTill();
    ok(await ledger.makeDeposit({ ...by('d1:account.x', '2024-04-02', 'clerk'),
      accountId: 'SB-M1', amount: '10', source: 'cash' }));
    ok(await ledger.execute(reverse('rv-x', 'd1:account.x.0')));
    assert.equal(refusal(await ledger.execute(release)), stands);
    assert.is(await cash(ledger), '53000.00');
  });

test('a release decided on a stream another Ledger moved meanwhile is decided again: the step '
  + 'stored there since is found standing', async () => {
    // The account step's stream is read when the release is decided, not taken from memory:
    // a second Ledger opened before the deposit refuses the release the same way.
    const { store, ledger: first } = await openTill();
    const second = await testLedger(store);
    await depositD1(first);
    assert.equal(refusal(await second.execute(release)), stands);
  });

test.run();
