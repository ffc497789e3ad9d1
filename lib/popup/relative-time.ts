import { t } from '../i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// Intl formatters are slow to build (milliseconds each): build each once per locale.
const formatters = new Map<string | undefined, Intl.RelativeTimeFormat>();

/** "5 minutes ago", "yesterday"; "just now" (timeJustNow) under a minute. */
export function formatRelativeTime(time: number, now: number, locale?: string): string {
  const elapsed = now - time;
  let format = formatters.get(locale);
  if (!format) formatters.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(-Math.round(elapsed / size), unit);
  }
  return t('timeJustNow');
}
