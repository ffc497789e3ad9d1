/** Year, month and day of `publishedAt`, which holds an ISO date, a partial one ("2024-10") or a year. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/;

/**
 * Reads the calendar date as written, without going through `Date`: "2024-10-22T23:30:00-05:00"
 * is the 22nd where the paper was published, and a time-zone conversion would make it the 23rd.
 */
export function parsePublishedDate(value: string | undefined): DateParts | undefined {
  const match = value ? ISO_PREFIX.exec(value.trim()) : null;
  if (!match) return undefined;
  const parts: DateParts = { year: Number(match[1]) };
  const month = Number(match[2]);
  if (month >= 1 && month <= 12) {
    parts.month = month;
    const day = Number(match[3]);
    if (day >= 1 && day <= 31) parts.day = day;
  }
  return parts;
}

export const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
