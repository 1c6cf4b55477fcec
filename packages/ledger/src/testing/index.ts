// Test support for packages built on the Ledger (`@usha/ledger/testing`): forged log lines, for
// tests of tools that verify a signed log.
export { appendForgedLine, strangerKeys } from '../file/signedLog.fixture.ts';
// The model run of several Ledgers over one store, for the same property over other stores.
export {
  againstModel, ledgerOver, plans, runPlan, setUp, settingUp, unset, type Scenario,
} from '../app/commands/severalLedgers.fixture.ts';
// The day-end cash report text of the branch day the tests tell, for readers of the same day.
export { shortDayReport } from '../app/branch/shortDayReport.fixture.ts';
