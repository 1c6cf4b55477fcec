import { defaultProvisioningNorms } from '../society/provisioning.ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * SocietyConfigured v1 -> v2. Version 1 held only the reserve percent and the dividend cap:
 * the norms and the NPA threshold were fixed in the library, at the defaults documented in
 * docs/concepts/year-end.md. Version 2 states them; a version 1 configuration is read with
 * those defaults, the ones every close of its time applied, so its figures do not change.
 */
export const societyConfiguredV1toV2 = (data: unknown): unknown => {
  if (!isRecord(data) || data['provisioningNorms'] !== undefined) return data;
  return { ...data, provisioningNorms: defaultProvisioningNorms };
};
