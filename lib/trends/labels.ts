/**
 * How to show a topic: its commonest spelling, where a capitalised word ("Diffusion Models" in a
 * title) counts as lowercase and an acronym keeps its case ("SSMs"). Ties go to lowercase, then to
 * code-unit order, so the label is the same on every run.
 */

const CAPITALISED_WORD = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu;

export function preferredLabel(spellings: ReadonlyMap<string, number>): string {
  const counts = new Map<string, number>();
  for (const [spelling, count] of spellings) {
    const shown = spelling.replace(CAPITALISED_WORD, (word) => word.toLowerCase());
    counts.set(shown, (counts.get(shown) ?? 0) + count);
  }
  let best = '';
  let bestCount = 0;
  for (const [shown, count] of counts) {
    if (bestCount === 0 || isPreferred(shown, count, best, bestCount)) {
      best = shown;
      bestCount = count;
    }
  }
  return best;
}

function isPreferred(a: string, aCount: number, b: string, bCount: number): boolean {
  if (aCount !== bCount) return aCount > bCount;
  const aLower = a === a.toLowerCase();
  if (aLower !== (b === b.toLowerCase())) return aLower;
  return a < b;
}

export function countSpelling(spellings: Map<string, number>, spelling: string): void {
  spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
}
