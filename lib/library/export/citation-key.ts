import type { Bookmark } from '../../storage/records';
import { splitPersonName } from './person-name';
import { parsePublishedDate } from './published-date';

/**
 * Citation keys in the common `lastname2024firstword` shape (Google Scholar's, and Better BibTeX's
 * default). BibTeX keys must be ASCII without spaces or `{}(),=\#%~"'`, so names are folded to
 * ASCII letters and digits: "Schölkopf" → "scholkopf".
 */

/** Letters that Unicode decomposition does not reduce to ASCII. */
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆœŒøØłŁđĐðþı]/g, (letter) => FOLDS[letter] ?? letter);
}

function keyPart(text: string, maxLength: number): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, maxLength);
}

const SKIPPED_TITLE_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'towards',
]);

function baseKey(bookmark: Bookmark): string {
  const first = bookmark.authors[0];
  const family = first ? keyPart(splitPersonName(first).family, 24) : '';
  const year = parsePublishedDate(bookmark.publishedAt)?.year ?? '';
  const word =
    bookmark.title
      // Hyphens stay inside words ("GPT-4" → "gpt4"); other punctuation separates them.
      .split(/[\s"'()[\]{},.:;!?=/\\]+/)
      .map((part) => keyPart(part, 24))
      .find((part) => part && !SKIPPED_TITLE_WORDS.has(part)) ?? '';
  return `${family || 'anon'}${year}${word}`;
}

/** "a", "b", … "z", "aa", "ab", … */
function suffix(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : suffix(Math.floor(index / 26) - 1) + letter;
}

/** One unique key per bookmark, in order; later duplicates get a, b, c… appended. */
export function citationKeys(bookmarks: readonly Bookmark[]): string[] {
  const taken = new Set(bookmarks.map(baseKey));
  const used = new Set<string>();
  return bookmarks.map((bookmark) => {
    const base = baseKey(bookmark);
    let key = base;
    for (let index = 0; used.has(key) || (key !== base && taken.has(key)); index++)
      key = base + suffix(index);
    used.add(key);
    return key;
  });
}
