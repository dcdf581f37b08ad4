/**
 * Opening hours for the visitor: the area's "HH:MM" intervals (in the area's time zone, as `canchat`
 * sends them) turned into instants, then written with `Intl` in the visitor's language and time
 * zone: the next opening ("Opens tomorrow at 08:00") and the week's hours with weekday names.
 * No time-zone library: an area-local wall time becomes an instant by asking `Intl` for the zone's
 * offset at that moment (twice, so a daylight-saving change in between is caught).
 */
import type { OpeningHoursDay } from '../protocol/index.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

/** Year, month, day, weekday (0 = Sunday), hour and minute of `instant` on `timeZone`'s clock. */
function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  const number = (type: string) => Number(parts[type]);
  return {
    utc: Date.UTC(
      number('year'),
      number('month') - 1,
      number('day'),
      number('hour'),
      number('minute'),
    ),
    weekday: DAYS.indexOf((parts.weekday ?? '').slice(0, 3).toLowerCase()),
  };
}

/** The instant at which `timeZone`'s clock shows `localAsUTC` (a wall time written as if UTC). */
function instantOf(localAsUTC: number, timeZone: string): number {
  let instant = localAsUTC;
  for (let pass = 0; pass < 2; pass++)
    instant = localAsUTC - (wallClock(instant, timeZone).utc - instant);
  return instant;
}

const minutesOf = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

export interface OpenInterval {
  open: Date;
  close: Date;
}

/**
 * The area's open intervals from the start of the area's today for the next 8 days, as instants,
 * in time order.
 */
export function upcomingIntervals(
  rows: OpeningHoursDay[],
  timeZone: string,
  now: Date,
): OpenInterval[] {
  const today = wallClock(now.getTime(), timeZone);
  const midnight = today.utc - (today.utc % DAY_MS);
  const intervals: OpenInterval[] = [];
  for (let offset = 0; offset < 8; offset++) {
    const day = DAYS[(today.weekday + offset) % 7];
    for (const row of rows.filter((candidate) => candidate.day === day)) {
      const dayStart = midnight + offset * DAY_MS;
      intervals.push({
        open: new Date(instantOf(dayStart + minutesOf(row.open) * 60_000, timeZone)),
        close: new Date(instantOf(dayStart + minutesOf(row.close) * 60_000, timeZone)),
      });
    }
  }
  return intervals.sort((left, right) => left.open.getTime() - right.open.getTime());
}

/** When the area opens next after `now`, if it opens at all in the coming week. */
export function nextOpening(
  rows: OpeningHoursDay[],
  timeZone: string,
  now: Date,
): Date | undefined {
  return upcomingIntervals(rows, timeZone, now).find((interval) => interval.open > now)?.open;
}

/** How `opening` relates to the visitor's today: 0 today, 1 tomorrow, more: that many days on. */
export function daysFromToday(opening: Date, now: Date, visitorZone: string): number {
  const day = (instant: number) => Math.floor(wallClock(instant, visitorZone).utc / DAY_MS);
  return day(opening.getTime()) - day(now.getTime());
}

export interface HoursFormat {
  locale: string;
  /** The visitor's time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`). */
  timeZone: string;
}

export const formatTime = (instant: Date, format: HoursFormat): string =>
  new Intl.DateTimeFormat(format.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: format.timeZone,
  }).format(instant);

export const formatWeekday = (instant: Date, format: HoursFormat): string =>
  new Intl.DateTimeFormat(format.locale, { weekday: 'long', timeZone: format.timeZone }).format(
    instant,
  );

/** The visitor's time zone as its language names it ("Central European Standard Time"). */
export function zoneName(instant: Date, format: HoursFormat): string {
  const part = new Intl.DateTimeFormat(format.locale, {
    timeZoneName: 'long',
    timeZone: format.timeZone,
  })
    .formatToParts(instant)
    .find((candidate) => candidate.type === 'timeZoneName');
  return part?.value ?? format.timeZone;
}

/**
 * One row per open interval of the coming week, Monday first, in the visitor's zone and language:
 * `{day: "Monday", hours: "08:00–17:00"}`.
 */
export function weekRows(
  rows: OpeningHoursDay[],
  areaZone: string,
  now: Date,
  format: HoursFormat,
): { day: string; hours: string }[] {
  const week = upcomingIntervals(rows, areaZone, now).slice(0, rows.length);
  // Monday first, whatever day today is (in the visitor's zone).
  const mondayFirst = (interval: OpenInterval) =>
    (wallClock(interval.open.getTime(), format.timeZone).weekday + 6) % 7;
  return week
    .sort((left, right) => mondayFirst(left) - mondayFirst(right) || +left.open - +right.open)
    .map((interval) => ({
      day: formatWeekday(interval.open, format),
      hours: `${formatTime(interval.open, format)}–${formatTime(interval.close, format)}`,
    }));
}
