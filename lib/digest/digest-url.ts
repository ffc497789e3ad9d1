import { parseArxivId } from '../paper/arxiv-id';

/**
 * The digest page's address: `digest.html` for the week, `digest.html?papers=id,id` for the papers
 * one batched notification announced. Written by the worker, read by the page.
 */

export const DIGEST_PATH = '/digest.html';
/** More ids than one notification ever names; bounds what a hand-made link can ask for. */
export const MAX_DIGEST_PAPERS = 200;

export function digestPath(paperIds?: readonly string[]): string {
  if (!paperIds?.length) return DIGEST_PATH;
  return `${DIGEST_PATH}?${new URLSearchParams({ papers: paperIds.join(',') })}`;
}

/** "id,id,…" → the stored-paper ids in it (bare arXiv ids, as the feed stores them), once each. */
export function paperIdList(value: string): string[] {
  const ids = value.split(',').filter((id) => parseArxivId(id)?.id === id);
  return [...new Set(ids)].slice(0, MAX_DIGEST_PAPERS);
}

/** The papers a link asks for, or undefined for the week. */
export function digestPaperIds(search: string): string[] | undefined {
  const value = new URLSearchParams(search).get('papers');
  return value === null ? undefined : paperIdList(value);
}
