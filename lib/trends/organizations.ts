/**
 * The organisations most active this week: most papers, then most upvotes, then name. Spellings
 * that differ only in case or spacing ("Alibaba  Qwen", "alibaba qwen") are one organisation,
 * shown the way it is written most often.
 */

export interface OrganizationPaper {
  organization?: string;
  upvotes: number;
}

export interface ActiveOrganization {
  name: string;
  papers: number;
  upvotes: number;
}

export function activeOrganizations(
  papers: readonly OrganizationPaper[],
  limit: number,
): ActiveOrganization[] {
  const byKey = new Map<string, { spellings: Map<string, number>; papers: number; upvotes: number }>();
  for (const paper of papers) {
    const spelling = paper.organization?.replace(/\s+/g, ' ').trim();
    if (!spelling) continue;
    const key = spelling.toLowerCase();
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { spellings: new Map(), papers: 0, upvotes: 0 }));
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
    entry.papers++;
    entry.upvotes += Math.max(0, paper.upvotes);
  }
  return [...byKey.values()]
    .map((entry) => ({ name: mostWritten(entry.spellings), papers: entry.papers, upvotes: entry.upvotes }))
    .sort(
      (a, b) =>
        b.papers - a.papers || b.upvotes - a.upvotes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, limit);
}

/** Unlike topic labels, an organisation keeps its capitals ("Google DeepMind"). */
function mostWritten(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) [best, bestCount] = [spelling, count];
  }
  return best;
}
