/**
 * Opening hours and clock formatting in an area's time zone, with `Intl.DateTimeFormat` only
 * (no time-zone library): the server's own zone never matters, only the area's.
 */
import { WEEKDAYS, type AreaConfig, type Weekday } from './config.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Weekday and minutes since local midnight of `date` in `timeZone`. */
export function localTime(date: Date, timeZone: string): { weekday: Weekday; minutes: number } {
  let weekday: Weekday = 'mon';
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type === 'weekday') weekday = part.value.slice(0, 3).toLowerCase() as Weekday;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minutes: hour * 60 + minute };
}

const toMinutes = (hhmm: string): number => {
  const [hours = '0', minutes = '0'] = hhmm.split(':');
  return Number(hours) * 60 + Number(minutes);
};

/** Whether the area takes chats at `date`. */
export function isAreaOpen(area: AreaConfig, date: Date): boolean {
  if (area.openingHours === 'always') return true;
  const { weekday, minutes } = localTime(date, area.timeZone);
  const intervals = area.openingHours[weekday] ?? [];
  return intervals.some(
    (interval) => minutes >= toMinutes(interval.open) && minutes < toMinutes(interval.close),
  );
}

/** Last formatted minute per time zone: Intl formatting is slow and messages come in bursts. */
const lastClock = new Map<string, { minute: number; text: string }>();

/** "HH:MM" of a unix-seconds time in the area's zone (the protocol's `sentHuman`). */
export function formatClock(unixSeconds: number, timeZone: string): string {
  // Every zone offset in use is a whole number of minutes, so one unix minute has one local HH:MM.
  const minute = Math.floor(unixSeconds / 60);
  const cached = lastClock.get(timeZone);
  if (cached?.minute === minute) return cached.text;
  const { minutes } = localTime(new Date(minute * 60_000), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  const text = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  lastClock.set(timeZone, { minute, text });
  return text;
}

/** Opening hours as the `canchat` answer lists them: one row per open interval, Monday first. */
export function describeOpeningHours(
  area: AreaConfig,
): { day: string; open: string; close: string }[] | string {
  if (area.openingHours === 'always') return 'always';
  const rows: { day: string; open: string; close: string }[] = [];
  for (const day of WEEKDAYS) {
    for (const interval of area.openingHours[day] ?? []) {
      rows.push({ day, open: interval.open, close: interval.close });
    }
  }
  return rows;
}
