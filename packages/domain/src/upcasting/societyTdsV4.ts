import { tdsOff } from '../tds/tdsSettings.ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * SocietyConfigured v3 -> v4, and SocietySettingsChanged v2 -> v3: settings stored before the
 * TDS setting existed deducted nothing, and every interest posting of their time was decided
 * so; they are read with TDS off, so no decision already taken reads differently.
 */
export const withTdsOff = (data: unknown): unknown => {
  if (!isRecord(data) || data['tds'] !== undefined) return data;
  return { ...data, tds: tdsOff };
};
