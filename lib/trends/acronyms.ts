/**
 * Acronym definitions in running text, "state space models (SSMs)", found after Schwartz and
 * Hearst (2003, "A simple algorithm for identifying abbreviation definitions in biomedical text",
 * https://psb.stanford.edu/psb-online/proceedings/psb03/schwartz.pdf): the short form's letters
 * are looked for, in order, in the last few words before the parenthesis, the first letter at the
 * start of a word. It needs no dictionary and handles "Mixture-of-Experts (MoE)" and "Low-Rank
 * Adaptation (LoRA)" alike.
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

/**
 * The most letters of `letters` that can sit at word starts of `long`, in order, the first at the
 * very start; -1 when they cannot all be found in order. Dynamic programming over positions:
 * `best[i]` is the most word starts for the letters so far with the last one at or before i.
 */
function wordStartsSpelling(long: string, letters: string): number {
  const lower = long.toLowerCase();
  const isStart = (index: number) => index === 0 || !isAlnum(lower[index - 1]);
  let best: number[] = Array.from({ length: lower.length }, (_, index) =>
    index === 0 && lower[0] === letters[0] ? 1 : -1,
  );
  for (let index = 1; index < best.length; index++) best[index] = Math.max(best[index]!, best[index - 1]!);
  for (const letter of letters.slice(1)) {
    const next: number[] = [];
    for (let index = 0; index < lower.length; index++) {
      const before = index > 0 ? best[index - 1]! : -1;
      const here = lower[index] === letter && before >= 0 ? before + (isStart(index) ? 1 : 0) : -1;
      next.push(Math.max(here, index > 0 ? next[index - 1]! : -1));
    }
    best = next;
  }
  return best.at(-1) ?? -1;
}

/**
 * The shortest run of final words of `candidate` that spells `short`: its letters in order, the
 * first starting the run, and more than half of them starting words. Schwartz and Hearst take the
 * shortest run where the letters appear at all, which reads "robust offline reinforcement learning
 * (RORL)" as "reinforcement learning" (R, O and R all inside "reinforcement"); asking for most
 * letters at word starts fixes that and still allows "LoRA" and "RoPE", whose "o" is inside a word.
 */
export function longFormFor(short: string, candidate: string): string | undefined {
  const letters = [...short.toLowerCase()].filter((letter) => isAlnum(letter)).join('');
  const words = candidate.split(' ');
  for (let first = words.length - 1; first >= 0; first--) {
    const long = words.slice(first).join(' ');
    if (long[0]?.toLowerCase() !== letters[0]) continue;
    // A long form no longer than its abbreviation, or of one word, is a coincidence ("the (THE)").
    if (long.length <= short.length || !/\s|-/.test(long)) continue;
    if (wordStartsSpelling(long, letters) * 2 > letters.length) return long;
  }
  return undefined;
}

const CLAUSE_MARKS = new Set([...'.;:!?()[]'].map((mark) => mark.charCodeAt(0)));
const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

/**
 * The last `maxWords` words before `end`, within its clause: a backward walk, since slicing and
 * splitting every parenthesis' surroundings showed in the profile.
 */
function wordsBefore(text: string, end: number, maxWords: number): string {
  let start = end;
  let words = 0;
  let inWord = false;
  for (let index = end - 1; index >= 0 && end - index <= 200; index--) {
    const code = text.charCodeAt(index);
    if (CLAUSE_MARKS.has(code)) break;
    if (isSpace(code)) {
      if (inWord && ++words === maxWords) break;
      inWord = false;
    } else inWord = true;
    start = index;
  }
  return text.slice(start, end).trim().replace(/\s+/g, ' ');
}

export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    DEFINITION.lastIndex = open;
    const match = DEFINITION.exec(text);
    if (!match) continue;
    const short = match[1]!;
    // Schwartz and Hearst look at most min(|short| + 5, 2·|short|) words back.
    const candidate = wordsBefore(text, open, Math.min(short.length + 5, short.length * 2));
    const long = longFormFor(short, candidate);
    if (long) definitions.push({ short, long });
  }
  return definitions;
}
