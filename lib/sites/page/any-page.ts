import type { PaperRef } from '../../paper/ref';
import { parseHttpUrl } from '../../url';
import { detectPaper, siteOfHost } from '../index';
import { detectCitation } from './citation';

/**
 * The pages the "any site" content script may run on, once the user grants them (the optional host
 * permissions in wxt.config.ts say the same; tests/unit/architecture.test.ts checks they agree).
 */
export const ANY_SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * The paper any page shows: a known site's descriptor decides on its own pages, and every other
 * page is read by the generic citation_* / Dublin Core reader, which needs the document. This is
 * what the "any site with citation metadata" content script runs (the options page's opt-in).
 */
export function detectOnAnyPage(url: string, doc?: Document): PaperRef | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || url.length > 4096) return null;
  if (siteOfHost(parsed.hostname)) return detectPaper(url, doc);
  try {
    return doc ? detectCitation(parsed, doc) : null;
  } catch {
    return null;
  }
}
