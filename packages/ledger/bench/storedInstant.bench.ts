// What checking a line's recorded time costs (once per append a scan reads): the arithmetic
// check against its baseline, the pattern alone (what was checked before), and against the
// check by Date's own methods (parse, then write back), all on the same 100,000 times.
// Run: npx -y pnpm@10 bench storedInstant
import { storedInstantMs } from '../src/eventStore/storedInstant.ts';

const texts = Array.from({ length: 100_000 },
  (_, i) => new Date(Date.UTC(2025, 0, 1) + i * 1237).toISOString());
const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const byDate = (t: string): number | undefined => {
  if (!pattern.test(t)) return undefined;
  const ms = Date.parse(t);
  return new Date(ms).toISOString() === t ? ms : undefined;
};
const perText = (check: (t: string) => unknown): number => {
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    let kept = 0;
    for (const t of texts) if (check(t) !== undefined && check(t) !== false) kept++;
    const ns = Number(process.hrtime.bigint() - start) / texts.length / 2;
    if (kept !== texts.length) throw new Error('a stored time was refused');
    best = Math.min(best, ns);
  }
  return best;
};
const baseline = perText((t) => pattern.test(t));
const arithmetic = perText(storedInstantMs);
const date = perText(byDate);
console.log(`pattern only (baseline)   ${baseline.toFixed(0)} ns a time`);
console.log(`checked in arithmetic     ${arithmetic.toFixed(0)} ns, ${(arithmetic / baseline)
  .toFixed(1)}x the baseline`);
console.log(`checked by Date           ${date.toFixed(0)} ns, ${(date / baseline).toFixed(1)}x`);
