/** "Ada Lovelace, Alan Turing, Grace Hopper +4" */
export function formatAuthors(authors: readonly string[], shown = 3): string {
  if (authors.length <= shown) return authors.join(', ');
  return `${authors.slice(0, shown).join(', ')} +${authors.length - shown}`;
}

// Intl formatters are slow to build (milliseconds each): build each once per locale.
const formatters = new Map<string, Intl.DateTimeFormat>();
function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

/** "Fri, 25 Oct 2024" for a YYYY-MM-DD day, in UTC like the feed, in the user's locale. */
export function formatDay(day: string, locale?: string): string {
  const format = cached(
    `day:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  );
  return format.format(new Date(`${day}T00:00:00Z`));
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * "Oct 25, 2024", in English like the rest of the page card, without Intl: the first Intl
 * formatter a page's content script builds costs tens of milliseconds of ICU setup on that page.
 */
export function formatDayPlain(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1] ?? '?'} ${date}, ${year}`;
}
