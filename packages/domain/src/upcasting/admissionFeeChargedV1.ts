import type { UpcastEnvelope } from './registry.ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * AdmissionFeeCharged v1 -> v2. Version 1 was written before a fee could be reversed or taken
 * at a till: its data named neither its own id nor a till. The id is the stored event's own
 * (its metadata's, `<admission commandId>.1`), so a fee of an older log can be reversed by it
 * too; the cash went to the branch's cash in hand, which version 2 says with `tillId: null`.
 */
export const admissionFeeChargedV1toV2 = (data: unknown, envelope?: UpcastEnvelope): unknown =>
  isRecord(data) ? { ...(envelope === undefined ? {} : { eventId: envelope.eventId }),
    ...data, tillId: null } : data;
