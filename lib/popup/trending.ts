import { containsEveryWord, foldCase, queryWords } from '../text';
import type { Paper } from '../storage/records';

/** Several days merged into one list by upvotes; a paper listed twice counts once. */
export function mergeByUpvotes(days: Paper[][]): Paper[] {
  const byId = new Map<string, Paper>();
  for (const papers of days) for (const paper of papers) if (!byId.has(paper.id)) byId.set(paper.id, paper);
  return [...byId.values()].sort((a, b) => b.upvotes - a.upvotes || a.id.localeCompare(b.id));
}

function haystack(paper: Paper): string {
  return foldCase(
    [paper.title, paper.authors.join(' '), (paper.aiKeywords ?? []).join(' '), paper.organization ?? ''].join(
      '\n',
    ),
  );
}

/**
 * Filters by title, author, keyword and organisation as the user types: every word of the query
 * must appear somewhere (so "chen diffusion" finds Chen's diffusion papers).
 */
export function filterPapers(papers: readonly Paper[], query: string): Paper[] {
  const words = queryWords(query);
  if (words.length === 0) return [...papers];
  return papers.filter((paper) => containsEveryWord(haystack(paper), words));
}
