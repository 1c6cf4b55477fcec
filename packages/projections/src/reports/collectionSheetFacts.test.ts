import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { checkpoint, restore } from '../projection.ts';
import { collectionHistory } from './collectionSheet.fixture.ts';
import { collectionSheetFactsProjection, officerOn } from './collectionSheetFacts.ts';

const factsOf = (events: ReturnType<typeof collectionHistory>['events']) =>
  replay(combine({ facts: collectionSheetFactsProjection() }), events).states.facts;

test('a reversed RD instalment is owed again', () => {
  const h = collectionHistory();
  assert.is(factsOf(h.events).recurring.get('RD-0003')?.paid, 1);
  const paid = h.events.find((e) => e.type === 'Deposited' && e.data.accountId === 'RD-0003');
  const eventId = paid?.type === 'Deposited' ? paid.data.eventId : '';
  h.run('ReverseEvent', { on: '2024-05-11', aggregate: 'deposit', aggregateId: 'RD-0003',
    eventId, reason: 'entry_error' });
  assert.equal(h.refused, []);
  const plan = factsOf(h.events).recurring.get('RD-0003');
  assert.equal(plan, { memberId: 'M-0003', openedOn: '2024-05-10', instalment: 50000n,
    termMonths: 12, paid: 0 });
});

test('the officer in force is the latest assignment dated on or before the day', () => {
  const f = factsOf(collectionHistory().events);
  assert.is(officerOn(f, 'M-0003', '2024-04-30'), null);
  assert.is(officerOn(f, 'M-0003', '2024-05-01'), 'fo-2');
  assert.is(officerOn(f, 'M-0003', '2024-07-31'), 'fo-2');
  assert.is(officerOn(f, 'M-0003', '2024-08-01'), 'fo-1');
  assert.is(officerOn(f, 'M-0002', '2024-08-01'), null);
});

test('a checkpoint restores the same facts', () => {
  const p = collectionSheetFactsProjection();
  const f = factsOf(collectionHistory().events);
  assert.equal(restore(p, checkpoint(p, f)), f);
});

test.run();
