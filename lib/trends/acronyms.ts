/**
 * Acronym definitions in running text, "state space models (SSMs)", found with the algorithm of
 * Schwartz and Hearst (2003, "A simple algorithm for identifying abbreviation definitions in
 * biomedical text", https://psb.stanford.edu/psb-online/proceedings/psb03/schwartz.pdf): the short
 * form's letters are matched right to left inside the words before the parenthesis, the first
 * letter at the start of a word. It needs no dictionary and handles "Mixture-of-Experts (MoE)"
 * and "Low-Rank Adaptation (LoRA)" alike.
 */

export interface AcronymDefinition {
  /** As written, without a plural "s": "SSM". */
  short: string;
  /** The words it stands for, as written: "state space models". */
  long: string;
}

/**
 * At an opening parenthesis: two to ten characters, two capitals or more, an optional plural "s"
 * ("SSMs", "MoE", "3DGS"). Sticky, and tried only where `indexOf` finds a parenthesis: scanning
 * every abstract of 90 days with a regular expression cost more than the rest of the search.
 */
const DEFINITION = /\(\s*((?=(?:[^A-Z)]*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9-]{1,9}?)s?\s*\)/y;
const IS_ALNUM = /[\p{L}\p{N}]/u;

function isAlnum(char: string | undefined): boolean {
  return char !== undefined && IS_ALNUM.test(char);
}

/** The shortest end of `candidate` whose letters spell `short`, or undefined. */
export function longFormFor(short: string, candidate: string): string | undefined {
  const lower = candidate.toLowerCase();
  const letters = short.toLowerCase();
  let longIndex = lower.length - 1;
  for (let shortIndex = letters.length - 1; shortIndex >= 0; shortIndex--) {
    const letter = letters[shortIndex]!;
    if (!isAlnum(letter)) continue;
    // The first letter of the short form must start a word of the long form.
    while (
      longIndex >= 0 &&
      (lower[longIndex] !== letter || (shortIndex === 0 && longIndex > 0 && isAlnum(lower[longIndex - 1])))
    ) {
      longIndex--;
    }
    if (longIndex < 0) return undefined;
    longIndex--;
  }
  const start = lower.lastIndexOf(' ', longIndex) + 1;
  const long = candidate.slice(start).trim();
  // A long form at least as short as its abbreviation is a coincidence ("the (THE)").
  return long.length > short.length && /\s|-/.test(long) ? long : undefined;
}

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    DEFINITION.lastIndex = open;
    const match = DEFINITION.exec(text);
    if (!match) continue;
    const short = match[1]!;
    // Schwartz and Hearst look at most min(|short| + 5, 2·|short|) words back.
    const before = text
      .slice(Math.max(0, match.index - 200), match.index)
      .split(/[.;:!?()[\]]/)
      .at(-1)!;
    const words = before.trim().split(/\s+/);
    const candidate = words.slice(-Math.min(short.length + 5, short.length * 2)).join(' ');
    const long = longFormFor(short, candidate);
    if (long) definitions.push({ short, long });
  }
  return definitions;
}
