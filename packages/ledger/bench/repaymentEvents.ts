// The events the store benchmarks append: a loan repayment of a realistic size and shape.
import * as t from 'io-ts';
import { eventSchemaFromCodecs } from '../src/index.ts';

const Amount = t.string;

/** The schema of the benchmarks' one event type. */
export const schema = eventSchemaFromCodecs(
  {
    RepaymentRecorded: t.type({
      loanId: t.string,
      memberId: t.string,
      date: t.string,
      amount: Amount,
      allocation: t.type({ penalty: Amount, fees: Amount, interest: Amount, principal: Amount }),
    }),
  },
  t.type({ commandId: t.string, branch: t.string }),
);

let counter = 0;
/** A fresh UUID-shaped id, counting up. */
export const id = (): string =>
  `00000000-0000-4000-8000-${(counter++).toString(16).padStart(12, '0')}`;

/** A repayment of loan `loan`, with ids of its own. */
export const repayment = (loan: number) => ({
  eventId: id(),
  type: 'RepaymentRecorded' as const,
  data: {
    loanId: `L${loan}`,
    memberId: `M${loan % 5000}`,
    date: '2025-04-01',
    amount: '1250.00',
    allocation: { penalty: '0.00', fees: '10.00', interest: '140.25', principal: '1099.75' },
  },
  metadata: { commandId: id(), branch: 'sonagachi' },
});
