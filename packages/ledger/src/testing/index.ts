// Test support for packages built on the Ledger (`@usha/ledger/testing`): forged log lines, for
// tests of tools that verify a signed log.
export { appendForgedLine, strangerKeys } from '../file/signedLog.fixture.ts';
// The model run of several Ledgers over one store, for the same property over other stores.
export { plans, runPlan } from '../app/commands/severalLedgers.fixture.ts';
