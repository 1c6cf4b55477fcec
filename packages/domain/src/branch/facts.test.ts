import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { accountStepStatus, type AccountStreamEvent } from './facts.ts';

const ev = (commandId: string, place: number, type = 'Deposited', data: unknown = {}):
  AccountStreamEvent => ({ commandId, eventId: `${commandId}.${place}`, type, data });
const reversal = (id: string, reversedEventId: string) =>
  ev(id, 0, 'EventReversed', { reversedEventId });

test('a step is absent with none of its events, stands once stored, reversed once corrected',
  () => {
    assert.is(accountStepStatus('c1:account', []), 'absent');
    assert.is(accountStepStatus('c1:account', [ev('other', 0)]), 'absent');
    assert.is(accountStepStatus('c1:account', [ev('c1:account', 0)]), 'stands');
    // An admission: her membership, then her fee, which is what a correction reverses.
    assert.is(accountStepStatus('a1:account', [ev('a1:account', 0, 'MemberAdmitted'),
      ev('a1:account', 1, 'AdmissionFeeCharged'), reversal('rv', 'a1:account.1')]), 'reversed');
  });

test('another command\'s event is not the step\'s, whatever its id begins with', () => {
  // Command ids may hold dots: c1:account.x is another command, its first event c1:account.x.0.
  assert.is(accountStepStatus('c1:account', [ev('c1:account', 0), ev('c1:account.x', 0),
    reversal('rv', 'c1:account.x.0')]), 'stands');
  assert.is(accountStepStatus('c1:account', [ev('c1:account.x', 0)]), 'absent');
  // A reversal naming an id the step never stored frees nothing.
  assert.is(accountStepStatus('c1:account', [ev('c1:account', 0),
    reversal('rv', 'c1:account.1')]), 'stands');
});

test.run();
