export * from './registry.ts';
export * from './repaymentReceivedV1.ts';
