// Calendar arithmetic on whole days (days since 1970-01-01, UTC) without Date objects, so the
// generator never depends on the clock or the machine's time zone. Algorithms after Howard
// Hinnant's "chrono-compatible low-level date algorithms".

export type Day = number;

export function dayFromParts(y: number, m: number, d: number): Day {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function partsFromDay(day: Day): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}


/** Parses YYYY-MM-DD; throws on anything that is not a real calendar date. */
export function dayFromIso(s: string): Day {
  // Hot path (every transaction): digits by char code rather than a regex.
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || y < 0 || mo < 0 || d < 0) {
    throw new RangeError(`expected a date YYYY-MM-DD, got "${s}"`);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`"${s}" is not a real calendar date`);
  return dayFromParts(y, mo, d);
}

/** The number written by `len` ASCII digits of `s` from `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoFromDay(day: Day): string {
  const { y, m, d } = partsFromDay(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: Day): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** The same day-of-month `months` later (clamped to the month's end). */
export function addMonths(day: Day, months: number): Day {
  const { y, m, d } = partsFromDay(day);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return dayFromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Day `dom` of the month containing `day`, clamped to the month's length. */
export function dayOfMonthIn(day: Day, dom: number): Day {
  const { y, m } = partsFromDay(day);
  return dayFromParts(y, m, Math.min(dom, daysInMonth(y, m)));
}

/** Moves a weekend date back to the Friday before (how payroll and ACH debits settle). */
export function previousBusinessDay(day: Day): Day {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** Moves a weekend date forward to the Monday after. */
export function nextBusinessDay(day: Day): Day {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/**
 * Day `dom` of every month from the month of `from` to the month of `to`, clamped to each
 * month's length, keeping only dates inside [from, to].
 */
export function monthlyDays(from: Day, to: Day, dom: number): Day[] {
  const out: Day[] = [];
  const { y, m } = partsFromDay(from);
  for (let idx = y * 12 + m - 1; ; idx++) {
    const yy = Math.floor(idx / 12);
    const mm = idx - yy * 12 + 1;
    const day = dayFromParts(yy, mm, Math.min(dom, daysInMonth(yy, mm)));
    if (day > to) {
      if (dayFromParts(yy, mm, 1) > to) break;
      continue;
    }
    if (day >= from) out.push(day);
  }
  return out;
}

/** First day of history: `months` months ending at asOf inclusive. */
export function historyStart(asOf: Day, months: number): Day {
  return addMonths(asOf, -months) + 1;
}

/** The ISO date `days` after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  return isoFromDay(dayFromIso(iso) + days);
}

/** A wall-clock moment as "YYYY-MM-DD HH:MM" UTC (with seconds when asked), "—" for none: how staff screens and the CLI show times. */
export function utcTime(d: Date | null, { seconds = false } = {}): string {
  return d ? d.toISOString().slice(0, seconds ? 19 : 16).replace("T", " ") : "—";
}
