import type { PaperRef } from '../paper/ref';
import { arxivPaper, parseArxivId } from './arxiv';
import { clean, firstTag, textOf } from './meta-tags';

/** `/papers/{arxiv id}` only; `/papers`, `/papers/date/…`, `/papers/trending` etc. are lists. */
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/*$/;

interface EmbeddedPaper {
  id?: unknown;
  title?: unknown;
  authors?: unknown;
}

/** The page's own data: `div[data-target="PaperContent"][data-props]` holds `{ paper: {…} }` as JSON. */
function embeddedPaper(doc: Document, id: string): EmbeddedPaper | undefined {
  const json = doc.querySelector('div[data-target="PaperContent"][data-props]')?.getAttribute('data-props');
  if (!json) return undefined;
  try {
    const paper = (JSON.parse(json) as { paper?: EmbeddedPaper } | null)?.paper;
    return paper?.id === id ? paper : undefined;
  } catch {
    return undefined;
  }
}

function authorNames(authors: unknown): string[] {
  if (!Array.isArray(authors)) return [];
  const names: string[] = [];
  for (const author of authors.slice(0, 500) as { name?: unknown; hidden?: unknown }[]) {
    const name = typeof author?.name === 'string' && !author.hidden ? clean(author.name, 300) : undefined;
    if (name) names.push(name);
  }
  return names;
}

/** huggingface.co/papers/{id}: an arXiv paper; title and authors come from the page's embedded data. */
export function detectHuggingFace(url: URL, doc?: Document): PaperRef | null {
  const path = PAPER_PATH.exec(url.pathname);
  const id = path && parseArxivId(path[1]!);
  if (!id) return null;
  const paper = doc && embeddedPaper(doc, id.id);
  const ref = arxivPaper(
    id,
    'huggingface',
    doc,
    (page, tags) =>
      (typeof paper?.title === 'string' ? clean(paper.title) : undefined) ??
      textOf(page, 'h1') ??
      firstTag(tags, 'og:title')?.replace(/^Paper page - /, ''),
  );
  const authors = authorNames(paper?.authors);
  if (ref && !ref.authors && authors.length) ref.authors = authors;
  return ref;
}
