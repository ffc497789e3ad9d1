/**
 * HTTP header rules PaperPulse needs, written once: `Retry-After` and the HTTP-date format it and
 * `Date` use (RFC 9110 §5.6.7, §10.2.3). Strict on purpose: `Date.parse` reads "1" as the year
 * 2001 and "-5" as 6 BC, so a garbage header must not become a date by accident.
 */

const DAY_MS = 86_400_000;
/** The longest wait a `Retry-After` can impose when the caller gives no tighter bound. */
export const RETRY_AFTER_CEILING_MS = 7 * DAY_MS;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(\d{2}):(\d{2}):(\d{2})`;
/** `Sun, 06 Nov 1994 08:49:37 GMT` (the preferred form, IMF-fixdate). */
const IMF_FIXDATE = new RegExp(String.raw`^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) ${TIME} gmt$`, 'i');
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete RFC 850 form). */
const RFC_850 = new RegExp(String.raw`^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) ${TIME} gmt$`, 'i');
/** `Sun Nov  6 08:49:37 1994` (obsolete asctime form). */
const ASCTIME = new RegExp(String.raw`^[a-z]{3} ([a-z]{3}) ([ \d]\d) ${TIME} (\d{4})$`, 'i');

function utc(year: number, month: string, day: number, h: string, m: string, s: string): number | undefined {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  if (monthIndex < 0 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const time = Date.UTC(year, monthIndex, day, hours, minutes, Math.min(seconds, 59));
  // 31 Feb would roll over into March: not a date.
  return new Date(time).getUTCDate() === day ? time : undefined;
}

/** An HTTP date in any of the three forms a recipient must accept; undefined for anything else. */
export function parseHttpDate(value: string | null | undefined): number | undefined {
  const text = value?.trim() ?? '';
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [, day, month, year, h, m, s] = match as unknown as string[];
    return utc(Number(year), month!, Number(day), h!, m!, s!);
  }
  match = RFC_850.exec(text);
  if (match) {
    const [, day, month, yy, h, m, s] = match as unknown as string[];
    // Two-digit years: 70–99 are 19xx, the rest 20xx (the form died long before 2070).
    const year = Number(yy) >= 70 ? 1900 + Number(yy) : 2000 + Number(yy);
    return utc(year, month!, Number(day), h!, m!, s!);
  }
  match = ASCTIME.exec(text);
  if (match) {
    const [, month, day, h, m, s, year] = match as unknown as string[];
    return utc(Number(year), month!, Number(day), h!, m!, s!);
  }
  return undefined;
}

/**
 * `Retry-After` as a wait in milliseconds from `now`: delta-seconds or an HTTP date, never
 * negative, never more than `ceilingMs` (a 400-digit value is a long wait, not `Infinity`);
 * undefined when absent or unreadable. `now` should be the server's clock (its `Date` header) when
 * known, so that a date is measured on the server's clock, not a skewed local one.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  ceilingMs = RETRY_AFTER_CEILING_MS,
): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) {
    // Compared as digits: Number('9'.repeat(400)) is Infinity, and 1e21 ms prints in exponent form.
    const seconds = text.replace(/^0+(?=\d)/, '');
    return seconds.length > 12 ? ceilingMs : Math.min(Number(seconds) * 1000, ceilingMs);
  }
  const date = parseHttpDate(text);
  return date === undefined ? undefined : Math.min(Math.max(0, date - now), ceilingMs);
}
