import { arxivDoi } from './doi';
import { arxivKey } from './key';
import type { PaperRef, Site } from './ref';

/** `YYMM.NNNN` (0704–1412) or `YYMM.NNNNN` (1501 on), optional `vN`. */
const NEW_ID = /^(\d\d)(\d\d)\.(\d{4,5})(?:v(\d{1,4}))?$/;
/** `archive[.SUBJ]/YYMMNNN`, optional `vN`: `hep-th/9901001`, `math.GT/0309136`, `cond-mat.stat-mech/0408502`. */
const OLD_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[a-z]+(?:-[a-z]+)?)?\/(\d\d(\d\d)\d{3})(?:v(\d{1,4}))?$/i;
const ID_IN_TEXT =
  /(?<![\w.-])(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[a-z]+(?:-[a-z]+)?)?\/\d{7})(?:v\d{1,4})?(?!\w)/gi;

export interface ArxivId {
  /** Canonical, without version: `2410.17243`, `math/0309136`. */
  id: string;
  version?: number;
}

function withVersion(id: string, version: string | undefined): ArxivId | null {
  if (version === undefined) return { id };
  const n = Number(version);
  return n > 0 ? { id, version: n } : null;
}

/**
 * Parses one arXiv identifier (optionally prefixed `arXiv:`), normalised the way arXiv does: old-style
 * ids lose their subject class (`math.GT/0309136` → `math/0309136`) and the archive is lower-cased.
 */
export function parseArxivId(value: string): ArxivId | null {
  const text = value.trim().replace(/^arxiv:\s*/i, '');
  const modern = NEW_ID.exec(text);
  if (modern) {
    const [, yy, mm, number, version] = modern as unknown as [string, string, string, string, string?];
    const yymm = Number(yy + mm);
    const month = Number(mm);
    if (month < 1 || month > 12 || yymm < 704 || number.length !== (yymm < 1501 ? 4 : 5)) return null;
    return withVersion(`${yy}${mm}.${number}`, version);
  }
  const old = OLD_ID.exec(text);
  if (!old) return null;
  const [, archive, number, mm, version] = old as unknown as [string, string, string, string, string?];
  if (Number(mm) < 1 || Number(mm) > 12) return null;
  return withVersion(`${archive.toLowerCase()}/${number}`, version);
}

/** The first valid arXiv identifier inside free text (`… arXiv:2410.17243v2 …`), or null. */
export function findArxivId(text: string): ArxivId | null {
  for (const match of text.slice(0, 100_000).matchAll(ID_IN_TEXT)) {
    const parsed = parseArxivId(match[0]);
    if (parsed) return parsed;
  }
  return null;
}

/** The identity of an arXiv paper, shown on `site`. */
export function arxivRef({ id, version }: ArxivId, site: Site): PaperRef {
  const ref: PaperRef = {
    key: arxivKey(id),
    site,
    arxivId: id,
    doi: arxivDoi(id),
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
  };
  if (version) ref.version = version;
  return ref;
}

/** The reference of a Daily Papers paper (always an arXiv paper), with what the feed says of it. */
export function feedPaperRef(paper: { id: string; title: string; authors: string[] }): PaperRef {
  return { ...arxivRef({ id: paper.id }, 'arxiv'), title: paper.title, authors: paper.authors };
}
