import { squashWhitespace as squash } from '../../text';

/**
 * Splits the display names PaperPulse stores ("Jan van der Berg", "Plato", "Schölkopf, Bernhard",
 * "John Smith Jr.") into the parts citation formats want. Best-effort: a name carries no markup
 * telling which words are the family name, so this follows BibTeX's own convention (lower-case
 * words before the last one are the "von" particle) and a short list of suffixes.
 */

export interface PersonName {
  family: string;
  given?: string;
  /** Lower-case particle kept with the family name: "van der", "de", "von". */
  particle?: string;
  suffix?: string;
}

const SUFFIX = /^(?:jr|sr|jnr|snr|[IVX]{2,4})\.?$/i;

/** "van der Berg" → particle "van der", family "Berg" (BibTeX's "von Last" part). */
function splitFamily(words: string[]): Pick<PersonName, 'family' | 'particle'> {
  const firstCapital = words.findIndex((word) => !/^\p{Ll}/u.test(word));
  if (firstCapital <= 0) return { family: words.join(' ') };
  return { family: words.slice(firstCapital).join(' '), particle: words.slice(0, firstCapital).join(' ') };
}

function withGiven(
  name: Pick<PersonName, 'family' | 'particle'>,
  given?: string,
  suffix?: string,
): PersonName {
  const result: PersonName = { ...name };
  if (given) result.given = given;
  if (suffix) result.suffix = suffix;
  return result;
}

/** "Last, First", "Last, Jr., First" and "First Last, Jr." */
function splitCommaName(parts: string[]): PersonName {
  const [head = '', second = '', third] = parts;
  if (third !== undefined) return withGiven(splitFamily(head.split(' ')), parts.slice(2).join(', '), second);
  if (SUFFIX.test(second)) return { ...splitDisplayName(head), suffix: second };
  return withGiven(splitFamily(head.split(' ')), second);
}

/** "First [particle] Last [Suffix]" */
function splitDisplayName(text: string): PersonName {
  const words = text.split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1] ?? '')) suffix = words.pop();
  if (words.length === 1) return withGiven({ family: words[0] ?? '' }, undefined, suffix);
  // The particle starts at the first lower-case word after the given names, never the last word.
  let start = words.length - 1;
  for (let index = 1; index < words.length - 1; index++) {
    if (/^\p{Ll}/u.test(words[index] ?? '')) {
      start = index;
      break;
    }
  }
  const particle = words.slice(start, -1).join(' ');
  const name: PersonName = { family: words[words.length - 1] ?? '' };
  if (particle) name.particle = particle;
  return withGiven(name, words.slice(0, start).join(' '), suffix);
}

export function splitPersonName(display: string): PersonName {
  const text = squash(display);
  const parts = text.split(',').map(squash).filter(Boolean);
  return parts.length > 1 ? splitCommaName(parts) : splitDisplayName(text);
}

/** The family name with its particle: "van der Berg". */
export function fullFamily(name: PersonName): string {
  return name.particle ? `${name.particle} ${name.family}` : name.family;
}
