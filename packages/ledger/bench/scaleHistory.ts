// Writes the scale history: ten years of a society's business, sent as commands to a Ledger on
// a file store, so that every line is what the Ledger itself stores (its metadata, command
// hashes, notes, event ids) and every rule held when it was decided (no withdrawal beyond the
// balance, repayments of the schedule the disbursement fixed). Members act on their own day
// of the month; one day's members are served 128 at a time, so the store commits their appends
// in groups. Deterministic: each member's month draws from its own seeded generator.
import { addDays, addMonths, businessDate, moneyString, type BusinessDate } from '@usha/domain';
import { random } from '../../projections/bench/generateHistory.ts';
import { openFileEventStore } from '../src/file/fileEventStore.ts';
import { createLedger } from '../src/app/ledger/createLedger.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import type { CommandOutcome } from '../src/app/commands/outcome.ts';
import {
  admissionMonth, chancesAt, intensityFor, scaleProducts, type ScaleParameters,
} from './scalePlan.ts';

/** What was written: events, commands, the last business day, and the time it took. */
export interface ScaleHistory {
  readonly events: number;
  readonly commands: number;
  readonly lastDate: string;
  readonly seconds: number;
}

/** The first business day of the history: 1 April, the start of a financial year. */
export const historyStart = businessDate('2015-04-01');
const lanes = 128;
const slots = 28; // days of the month members act on, so that every month has each of them

/** Member i's ids: `M-12`, `SB-12`; a loan or RD is numbered by the month it began. */
export const memberId = (i: number): string => `M-${i + 1}`;
/** Member i's savings account id. */
export const savingsId = (i: number): string => `SB-${i + 1}`;
const cycleId = (prefix: string, i: number, month: number) =>
  `${prefix}-${(i + 1) * 1000 + month}`;

interface Running { readonly id: string; next: number; readonly amounts: string[] }

/** Writes the history of `p` into the new log `file`; `progress` hears of each year done. */
export const writeScaleHistory = async (
  file: string, p: ScaleParameters, progress: (line: string) => void = () => {},
): Promise<ScaleHistory> => {
  const t0 = performance.now();
  const chances = chancesAt(intensityFor(p));
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  let events = 0;
  // Every event appended is counted, the notes the Ledger writes beside a command's own too.
  const counted: typeof store = {
    ...store,
    appendToStream: async (stream, batch, options) => {
      const r = await store.appendToStream(stream, batch, options);
      events += batch.length;
      return r;
    },
  };
  const ledger = await createLedger({ store: counted, products: scaleProducts });
  const balance = new Float64Array(p.members); // paise paid in less paid out, interest aside
  const loans = new Map<number, Running>();
  const deposits = new Map<number, Running>();
  let commands = 0;
  let lastDate = historyStart;

  const send = async (type: string, data: Record<string, unknown>,
    allowed: ReadonlyArray<string> = []): Promise<CommandOutcome> => {
    const o = await ledger.execute({ type, data });
    commands += 1;
    if (o.status === 'accepted') return o;
    if (allowed.includes(o.rejection.type)) return o;
    throw new Error(`scale history: ${type} ${JSON.stringify(data)} refused: ` +
      JSON.stringify(o.rejection));
  };

  const memberDay = async (i: number, month: number, on: BusinessDate) => {
    const by = (kind: string, actor = 'clerk-1') =>
      ({ commandId: `${kind}-${i + 1}-${month}`, actor, on });
    const m = memberId(i);
    const sb = savingsId(i);
    const rnd = random(p.seed * 7919 + i * 131 + month * 1_000_003);
    const rupees = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const deposit = async (kind: string, paise: number) => {
      balance[i] = (balance[i] ?? 0) + paise;
      await send('MakeDeposit', { ...by(kind), accountId: sb, amount: moneyString(BigInt(paise)),
        source: 'cash' });
    };
    if (month === admissionMonth(p, i)) {
      await send('AdmitMember', { ...by('adm'), memberId: m,
        branchId: `B-${(i % p.branches) + 1}`, shareProductId: 'SH', shares: 5 });
      await send('PurchaseShares', { ...by('shr'), accountId: `SH-${i + 1}`, memberId: m,
        productId: 'SH', shares: 5 });
      await send('OpenSavingsAccount', { ...by('osb'), accountId: sb, memberId: m,
        productId: 'SB' });
      await deposit('dep0', rupees(200, 2000) * 100);
      return;
    }
    if (month % 6 === 0) {
      // Half-yearly interest, for the half year that ended yesterday.
      await send('PostInterest', { ...by('int'), accountId: sb,
        periodTo: addDays(addMonths(historyStart, month), -1) }, ['nothing_to_post']);
    }
    const loan = loans.get(i);
    if (loan !== undefined) {
      await send('RecordRepayment', { ...by('rep'), loanId: loan.id,
        amount: loan.amounts[loan.next] });
      loan.next += 1;
      if (loan.next === loan.amounts.length) loans.delete(i);
    }
    const rd = deposits.get(i);
    if (rd !== undefined && rd.next < 12) {
      await send('MakeDeposit', { ...by('rdi'), accountId: rd.id, amount: rd.amounts[0],
        source: 'cash' });
      rd.next += 1;
    } else if (rd !== undefined) {
      await send('MatureDeposit', { ...by('rdm'), accountId: rd.id });
      await send('CloseDepositAccount', { ...by('rdc'), accountId: rd.id });
      deposits.delete(i);
    }
    if (rnd() < chances.deposit) await deposit('dep', rupees(100, 5000) * 100);
    const free = (balance[i] ?? 0) - 10_000; // the product's minimum balance, Rs 100
    if (rnd() < chances.withdrawal && free >= 20_000) {
      const paise = Math.floor((free * 0.3) / 100) * 100;
      balance[i] = (balance[i] ?? 0) - paise;
      await send('Withdraw', { ...by('wdl'), accountId: sb, amount: moneyString(BigInt(paise)) });
    }
    if (!loans.has(i) && rnd() < chances.loan) {
      const loanId = cycleId('LN', i, month);
      const principal = `${rupees(10, 500) * 100}`;
      await send('ApplyForLoan', { ...by('apl'), loanId, memberId: m, productId: 'LN',
        principal, repayments: 12, firstRepaymentOn: null });
      await send('ApproveLoan', { ...by('apr', 'manager-1'), loanId, principal });
      const o = await send('DisburseLoan', { ...by('dis'), loanId });
      loans.set(i, { id: loanId, next: 0, amounts: instalmentTotals(o) });
    }
    if (!deposits.has(i) && rnd() < chances.recurring) {
      const accountId = cycleId('RD', i, month);
      const instalment = moneyString(BigInt(rupees(1, 10) * 10_000));
      await send('OpenRecurringDeposit', { ...by('ord'), accountId, memberId: m,
        productId: 'RD', instalment, termMonths: 12 });
      await send('MakeDeposit', { ...by('rd0'), accountId, amount: instalment,
        source: 'cash' });
      deposits.set(i, { id: accountId, next: 1, amounts: [instalment] });
    }
  };

  try {
    for (let month = 0; month < p.years * 12 && events < p.events; month += 1) {
      const monthStart = addMonths(historyStart, month);
      for (let slot = 0; slot < slots && events < p.events; slot += 1) {
        const on = addDays(monthStart, slot);
        const acting: number[] = [];
        for (let i = slot; i < p.members; i += slots) {
          if (admissionMonth(p, i) <= month) acting.push(i);
        }
        let next = 0;
        await Promise.all(Array.from({ length: lanes }, async () => {
          for (let k = next++; k < acting.length && events < p.events; k = next++) {
            await memberDay(acting[k] ?? 0, month, on);
          }
        }));
        lastDate = on;
      }
      if (month % 12 === 11) {
        progress(`year ${(month + 1) / 12}: ${events.toLocaleString('en')} events, ` +
          `${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
  } finally {
    await ledger.close();
    await store.close();
  }
  return { events, commands, lastDate, seconds: (performance.now() - t0) / 1000 };
};

// The amount due at each instalment of the schedule the disbursement fixed.
const instalmentTotals = (o: CommandOutcome): string[] => {
  const disbursed = o.status === 'accepted'
    ? o.events.find((e) => e.event.type === 'LoanDisbursed')?.event : undefined;
  if (disbursed?.type !== 'LoanDisbursed') throw new Error('scale history: no LoanDisbursed');
  return disbursed.data.schedule.installments.map((row) => String(row.total));
};
