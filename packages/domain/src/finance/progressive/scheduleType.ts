import { InvalidTermsError } from '../loan/invalidTermsError.ts';

/** Fineract's two schedule engines: cumulative (the default) and progressive. */
export type ScheduleType = 'cumulative' | 'progressive';

/** The schedule type asked for; absent means cumulative, so older terms keep their figures. */
export const readScheduleType = (input: unknown): ScheduleType => {
  if (input === undefined || input === 'cumulative') return 'cumulative';
  if (input === 'progressive') return 'progressive';
  throw new InvalidTermsError('scheduleType', "must be 'cumulative' or 'progressive'");
};
