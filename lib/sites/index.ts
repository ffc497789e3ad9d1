import type { PaperRef } from '../paper/ref';
import { detectAcl } from './acl';
import { detectAlphaxiv } from './alphaxiv';
import { detectArxiv } from './arxiv';
import { detectBiorxiv } from './biorxiv';
import { detectCvf } from './cvf';
import { detectHuggingFace } from './huggingface';
import { detectMeta } from './citation';
import { detectNeurips } from './neurips';
import { detectOpenReview } from './openreview';
import { detectPmlr } from './pmlr';
import { detectSemanticScholar } from './semanticscholar';

export { findArxivId, parseArxivId, type ArxivId } from '../paper/arxiv-id';

type Detector = (url: URL, doc?: Document) => PaperRef | null;

/**
 * A known host's detector has the last word on its pages (a listing page there is not a paper, whatever
 * its tags say); the generic reader only sees other hosts. A Map, so that a host named `constructor`
 * finds nothing.
 */
const DETECTORS = new Map<string, Detector>([
  ...[
    'arxiv.org',
    'www.arxiv.org',
    'export.arxiv.org',
    'browse.arxiv.org',
    'ar5iv.labs.arxiv.org',
    'ar5iv.org',
  ].map((host) => [host, detectArxiv] as const),
  ['alphaxiv.org', detectAlphaxiv],
  ['www.alphaxiv.org', detectAlphaxiv],
  ['huggingface.co', detectHuggingFace],
  ['openreview.net', detectOpenReview],
  ['www.openreview.net', detectOpenReview],
  ['aclanthology.org', detectAcl],
  ['www.aclanthology.org', detectAcl],
  ...['biorxiv.org', 'www.biorxiv.org', 'medrxiv.org', 'www.medrxiv.org'].map(
    (host) => [host, detectBiorxiv] as const,
  ),
  ['semanticscholar.org', detectSemanticScholar],
  ['www.semanticscholar.org', detectSemanticScholar],
  ['proceedings.mlr.press', detectPmlr],
  ...['papers.nips.cc', 'proceedings.nips.cc', 'papers.neurips.cc', 'proceedings.neurips.cc'].map(
    (host) => [host, detectNeurips] as const,
  ),
  ['openaccess.thecvf.com', detectCvf],
]);

/**
 * The paper a page shows, from its URL and (when given) its document; null for anything else. Pure and
 * cheap: the URL decides first, so non-paper pages return before the DOM is touched. Never throws.
 */
export function detectPaper(url: string, doc?: Document): PaperRef | null {
  try {
    if (typeof url !== 'string' || url.length > 4096) return null;
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    const detector = DETECTORS.get(parsed.hostname.replace(/\.$/, ''));
    if (detector) return detector(parsed, doc);
    return doc ? detectMeta(parsed, doc) : null;
  } catch {
    return null;
  }
}
