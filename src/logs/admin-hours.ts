/**
 * Whether an instant lies inside the policy's admin hours, judged in the policy's IANA time zone
 * with Intl (daylight saving included). Results are cached per minute: logs repeat minutes.
 */
import type { AdminHours, Weekday } from '../policy/model.js';

export type AdminHoursTest = (isoTime: string) => boolean;

const CACHE_LIMIT = 100_000;

export function adminHoursTest(hours: AdminHours): AdminHoursTest {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const cache = new Map<string, boolean>();

  return (isoTime) => {
    const minute = isoTime.slice(0, 16);
    const cached = cache.get(minute);
    if (cached !== undefined) return cached;

    const inside = isInside(format, hours, new Date(`${minute}:00Z`));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(minute, inside);
    return inside;
  };
}

function isInside(format: Intl.DateTimeFormat, hours: AdminHours, instant: Date): boolean {
  const parts = format.formatToParts(instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday') as Weekday;
  const clock = `${part('hour')}:${part('minute')}`;
  return hours.days.includes(weekday) && clock >= hours.from && clock < hours.to;
}
