import { createHash } from 'node:crypto';
import { CommandId, isOpaqueId } from '@usha/domain';

/**
 * The command id of one step of a process: `<processId>:<step>`, or, when that would be longer
 * than an id may be, `p:` and 40 hex digits of its SHA-256. Deterministic, so a process run
 * again after a crash sends each step with the id it had: a step already done is recognised.
 */
export const stepId = (processId: string, step: string): CommandId => {
  const plain = `${processId}:${step}`;
  const id = isOpaqueId(plain) ? plain
    : `p:${createHash('sha256').update(plain).digest('hex').slice(0, 40)}`;
  if (!CommandId.is(id)) throw new RangeError(`cannot derive a step id from ${processId}`);
  return id;
};

const hashedStep = /^p:[0-9a-f]{40}$/;

/**
 * Whether a command id may be a process's step `step`: it ends `:<step>`, or it is a step id
 * hashed (which names no step). Every step a process sends passes; an id that does not pass
 * was not made by `stepId` for that step.
 * @example mayBeStepId('dep-1:account', 'account') // true
 */
export const mayBeStepId = (id: string, step: string): boolean =>
  id.endsWith(`:${step}`) || hashedStep.test(id);
