/** "Ada Lovelace, Alan Turing, Grace Hopper +4" */
export function formatAuthors(authors: readonly string[], shown = 3): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// Intl formatters are slow to build (milliseconds each): build each once per locale.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** "5 minutes ago", "yesterday"; "just now" under a minute. */
export function formatRelativeTime(time: number, now: number, locale?: string): string {
  const elapsed = now - time;
  const format = cached(`relative:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(-Math.round(elapsed / size), unit);
  }
  return 'just now';
}

/**
 * "Fri, 25 Oct 2024" for a YYYY-MM-DD day, in UTC like the feed; "25 Oct 2024" without the
 * weekday (the page card). Built on first use: the content script loads on pages that show none.
 */
export function formatDay(
  day: string,
  { weekday = true, locale }: { weekday?: boolean; locale?: string } = {},
) {
  const format = cached(
    `day:${weekday}:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: weekday ? 'short' : undefined,
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  return format.format(new Date(`${day}T00:00:00Z`));
}
