import { noSocietyLendingLimits } from '../society/lendingLimits.ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * SocietyConfigured v2 -> v3, and SocietySettingsChanged v1 -> v2: settings stored before the
 * society-wide lending limits had none, and every loan of their time was decided without
 * them; they are read with no limit, so no decision already taken reads differently.
 */
export const withNoSocietyLendingLimits = (data: unknown): unknown => {
  if (!isRecord(data) || data['lendingLimits'] !== undefined) return data;
  return { ...data, lendingLimits: noSocietyLendingLimits };
};
