// Only members do business, whatever the order of admissions, exits and business: random
// sequences over a small pool of member ids (one never admitted) are run through the Ledger and
// checked against a model of who is a member at each step. The model follows the outcomes of
// admissions and exits (their own rules are tested elsewhere); the gate is what is checked.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Ledger } from '../ledger/createLedger.ts';
import { isAccepted, type CommandOutcome } from './outcome.ts';
import { memoryStore, testLedger } from '../testSupport.ts';

const pool = ['M1', 'M2', 'M9'] as const;
type Kind = 'admit' | 'exit' | 'purchase' | 'open' | 'deposit' | 'apply' | 'approve';
interface Step { readonly kind: Kind; readonly member: string; readonly slot: number }

// Admissions and exits weigh more, so that members come and go within a sequence.
const kind = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Kind>('admit') },
  { weight: 3, arbitrary: fc.constant<Kind>('exit') },
  { weight: 6, arbitrary: fc.constantFrom<Kind>('purchase', 'open', 'deposit', 'apply',
    'approve') },
);
// M9 is never admitted: its admissions are dropped from the sequence.
const step = fc.record({ kind, member: fc.constantFrom(...pool),
  slot: fc.integer({ min: 0, max: 1 }) })
  .filter((s) => !(s.kind === 'admit' && s.member === 'M9'));

type Status = 'none' | 'active' | 'exited';
interface Model {
  readonly status: Map<string, Status>;
  readonly opened: Set<string>;
  readonly approved: Set<string>;
}

const on = '2024-04-01';
const by = (i: number, actor: string) => ({ commandId: `c${i}`, actor, on });
// Ids of the shape the Ledger accepts: M2's second account is SB-21.
const slotOf = (s: Step) => `${s.member.slice(1)}${s.slot}`;
const account = (s: Step) => `SB-${slotOf(s)}`;
const loan = (s: Step) => `L-${slotOf(s)}`;

// The command of a step, sent to `ledger`; `i` makes each command id fresh.
const send = (ledger: Ledger<undefined>, s: Step, i: number): Promise<CommandOutcome> => {
  const m = s.member;
  switch (s.kind) {
    case 'admit': return ledger.admitMember({ ...by(i, 'clerk'), memberId: m, branchId: 'B-1',
      shareProductId: 'SH', shares: 5 });
    case 'exit': return ledger.exitMember({ ...by(i, 'clerk'), memberId: m });
    case 'purchase': return ledger.purchaseShares({ ...by(i, 'cashier'), accountId: `SH-${m}`,
      memberId: m, productId: 'SH', shares: 5 });
    case 'open': return ledger.openSavingsAccount({ ...by(i, 'clerk'), accountId: account(s),
      memberId: m, productId: 'SB' });
    case 'deposit': return ledger.makeDeposit({ ...by(i, 'cashier'), accountId: account(s),
      amount: '50', source: 'cash' });
    case 'apply': return ledger.applyForLoan({ ...by(i, 'maker'), loanId: loan(s), memberId: m,
      productId: 'LN', principal: '5000', repayments: 6, firstRepaymentOn: null });
    case 'approve': return ledger.approveLoan({ ...by(i, 'checker'), loanId: loan(s),
      principal: '5000' });
  }
};

// The rejection a gated step must meet when its member is not active. The checks common to
// every aggregate come first (docs/reference/rejections.md): an opening or application of an id
// already taken is `already_exists`; a step reaching her through an account or a loan never
// opened is `not_found`; an approval of a loan approved already, `invalid_loan_status`.
const gateRejection = (model: Model, s: Step): string => {
  const status = model.status.get(s.member) ?? 'none';
  const through = s.kind === 'deposit' || s.kind === 'open' ? account(s)
    : s.kind === 'apply' || s.kind === 'approve' ? loan(s) : undefined;
  const opens = s.kind === 'open' || s.kind === 'apply';
  if (through !== undefined && model.opened.has(through) && opens) return 'already_exists';
  if (through !== undefined && !model.opened.has(through) && !opens) return 'not_found';
  if (s.kind === 'approve' && model.approved.has(loan(s))) return 'invalid_loan_status';
  return status === 'none' ? 'member_not_admitted' : 'member_exited';
};

const membership = new Set(['member_not_admitted', 'member_exited']);
// How often each outcome was met over all runs: a property that never met an acceptance or a
// refusal by the gate would hold without testing anything.
const seen = { accepted: 0, notAdmitted: 0, exited: 0 };

// Runs the steps, ledger by ledger in turn, checking each outcome against the model.
const holds = async (ledgers: ReadonlyArray<Ledger<undefined>>, steps: ReadonlyArray<Step>) => {
  const model: Model = { status: new Map(), opened: new Set(), approved: new Set() };
  for (const [i, s] of steps.entries()) {
    const ledger = ledgers[i % ledgers.length]!;
    const before = model.status.get(s.member) ?? 'none';
    const outcome = await send(ledger, s, i);
    const accepted = isAccepted(outcome);
    const why = isAccepted(outcome) ? undefined : outcome.rejection.type;
    if (s.kind === 'admit' || s.kind === 'exit') {
      if (accepted) model.status.set(s.member, s.kind === 'admit' ? 'active' : 'exited');
      continue;
    }
    if (before !== 'active') {
      assert.not.ok(accepted, `step ${i}: ${s.kind} for ${s.member} (${before}) accepted`);
      assert.is(why, gateRejection(model, s),
        `step ${i}: ${s.kind} for ${s.member} (${before}) refused as ${why}`);
    } else {
      assert.not.ok(membership.has(why ?? ''),
        `step ${i}: ${s.kind} for active ${s.member} refused as ${why}`);
    }
    if (accepted) seen.accepted += 1;
    if (why === 'member_not_admitted') seen.notAdmitted += 1;
    if (why === 'member_exited') seen.exited += 1;
    if (accepted && s.kind === 'open') model.opened.add(account(s));
    if (accepted && s.kind === 'apply') model.opened.add(loan(s));
    if (accepted && s.kind === 'approve') model.approved.add(loan(s));
  }
};

const steps = fc.array(step, { minLength: 10, maxLength: 40 });

test('no share, deposit or loan command for a member who is not admitted, or who has exited, '
  + 'is ever accepted', async () => {
  await fc.assert(fc.asyncProperty(steps, async (xs) => {
    await holds([await testLedger(memoryStore())], xs);
  }), { numRuns: 300 });
});

test('no share, deposit or loan command for a member who is not admitted, or who has exited, '
  + 'is ever accepted: two Ledgers over one store, in turn', async () => {
  await fc.assert(fc.asyncProperty(steps, async (xs) => {
    const store = memoryStore();
    await holds([await testLedger(store), await testLedger(store)], xs);
  }), { numRuns: 300 });
});

test('the sequences met accepted business and both refusals of the gate', () => {
  assert.ok(seen.accepted > 300, `accepted: ${seen.accepted}`);
  assert.ok(seen.notAdmitted > 300, `not admitted: ${seen.notAdmitted}`);
  assert.ok(seen.exited > 100, `exited: ${seen.exited}`);
  console.log(seen);
});

test.run();
