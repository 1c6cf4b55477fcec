// Test support for packages built on the Ledger (`@usha/ledger/testing`): forged log lines, for
// tests of tools that verify a signed log.
export { appendForgedLine, strangerKeys } from '../file/signedLog.fixture.ts';
