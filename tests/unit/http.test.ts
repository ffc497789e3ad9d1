import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_CEILING_MS, parseHttpDate, parseRetryAfter } from '@/lib/http';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 86_400_000;

describe('parseHttpDate', () => {
  it.each([
    ['Mon, 23 Nov 2026 10:00:30 GMT', Date.parse('2026-11-23T10:00:30Z')],
    // The obsolete forms a recipient must still accept (RFC 9110 §5.6.7).
    ['Monday, 23-Nov-26 10:00:30 GMT', Date.parse('2026-11-23T10:00:30Z')],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.parse('1994-11-06T08:49:37Z')],
    ['Mon Nov 23 10:00:30 2026', Date.parse('2026-11-23T10:00:30Z')],
    ['Sun Nov  6 08:49:37 1994', Date.parse('1994-11-06T08:49:37Z')],
    ['  Mon, 23 Nov 2026 10:00:30 GMT  ', Date.parse('2026-11-23T10:00:30Z')],
  ])('%j → a date', (value, expected) => {
    expect(parseHttpDate(value)).toBe(expected);
  });

  it.each([
    ['1'],
    ['-5'],
    ['2026-11-23T10:00:30Z'],
    ['Mon, 31 Feb 2026 10:00:30 GMT'],
    ['Mon, 23 Foo 2026 10:00:30 GMT'],
    ['Mon, 23 Nov 2026 25:00:30 GMT'],
    ['Mon, 23 Nov 2026 10:00:30 PST'],
    ['soon'],
    [''],
    [null],
    [undefined],
  ])('%j → undefined (Date.parse would guess at some of these)', (value) => {
    expect(parseHttpDate(value)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['delta-seconds', '120', 120_000],
    ['zero', '0', 0],
    ['spaces around', ' 5 ', 5_000],
    ['leading zeros', '0030', 30_000],
    ['an HTTP date, from now', new Date(NOW + 90_000).toUTCString(), 90_000],
    ['an HTTP date in the past: now, not a negative wait', new Date(NOW - 60_000).toUTCString(), 0],
    ['more than the ceiling', String(30 * 86_400), RETRY_AFTER_CEILING_MS],
    ['400 digits: the ceiling, not Infinity', '9'.repeat(400), RETRY_AFTER_CEILING_MS],
    ['13 digits', '1234567890123', RETRY_AFTER_CEILING_MS],
    ['a date years ahead', 'Fri, 01 Jan 2100 00:00:00 GMT', RETRY_AFTER_CEILING_MS],
  ])('%s (%j) → %j ms', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([
    ['negative', '-5'],
    ['a fraction', '1.5'],
    ['exponent', '1e3'],
    ['garbage', 'soon'],
    ['a number and words', '120 seconds'],
    ['words Date.parse reads as a date', 'March 7'],
    ['empty', ''],
    ['absent', null],
  ])('%s (%j) → undefined', (_name, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('takes a tighter ceiling from the caller', () => {
    expect(parseRetryAfter('9'.repeat(400), NOW, DAY)).toBe(DAY);
    expect(parseRetryAfter(String(2 * 86_400), NOW, DAY)).toBe(DAY);
    expect(parseRetryAfter(new Date(NOW + 3 * DAY).toUTCString(), NOW, DAY)).toBe(DAY);
    expect(parseRetryAfter('60', NOW, DAY)).toBe(60_000);
  });

  it('always answers a finite, non-negative number or undefined', () => {
    for (const value of ['9'.repeat(20), '9'.repeat(12), '0'.repeat(500), 'Thu, 01 Jan 1970 00:00:00 GMT']) {
      const wait = parseRetryAfter(value, NOW)!;
      expect(Number.isFinite(wait) && wait >= 0 && wait <= RETRY_AFTER_CEILING_MS, value).toBe(true);
    }
  });
});
