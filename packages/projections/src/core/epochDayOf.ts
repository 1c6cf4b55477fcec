import { toEpochDay, type BusinessDate } from '@usha/domain';

// Business dates repeat from event to event (a year has 365 of them): their epoch days are
// remembered, in a cache that is emptied when full, so it never grows with events.
const cache = new Map<string, number>();

/** The epoch day of a business date, remembered. */
export const epochDayOf = (d: BusinessDate): number => {
  const hit = cache.get(d);
  if (hit !== undefined) return hit;
  if (cache.size >= 8192) cache.clear();
  const n = toEpochDay(d);
  cache.set(d, n);
  return n;
};
