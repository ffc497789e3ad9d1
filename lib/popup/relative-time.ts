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

/**
 * Brings each "updated … ago" of the markup up to `now`. Not before the first paint: the first
 * one builds an `Intl.RelativeTimeFormat`, milliseconds the first row would wait for.
 */
export function bringTimesUpToDate(container: HTMLElement, now: number): void {
  for (const time of container.querySelectorAll<HTMLElement>('[data-relative]')) {
    time.textContent = formatRelativeTime(Number(time.dataset.relative), now);
  }
}
