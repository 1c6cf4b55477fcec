import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { decodeDomainEvent } from '@usha/domain';
import { generateHistory } from './generateHistory.ts';

test('the benchmark\'s generated events decode with the catalogue\'s codecs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'usha-gen-'));
  try {
    const file = join(dir, 'h.ndjson');
    const g = generateHistory(file, { events: 20000, members: 500, years: 1 });
    assert.is(g.events, 20000);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.is(lines.length, 20000);
    const types = new Set<string>();
    lines.forEach((line, i) => {
      const r = decodeDomainEvent(JSON.parse(line));
      if (E.isLeft(r)) assert.unreachable(`line ${i + 1}: ${r.left.message}`);
      else types.add(r.right.type);
    });
    assert.equal([...types].sort(), ['Deposited', 'EventReversed', 'InterestPosted',
      'LoanApplied', 'LoanApproved', 'LoanDisbursed', 'MemberAdmitted', 'RepaymentReceived',
      'SavingsAccountOpened', 'SharesPurchased', 'Withdrawn']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
