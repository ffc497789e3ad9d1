import { z } from '../zod';
import { LIMITS } from '../limits';
import { SITE_DESCRIPTORS } from '../sites';
import { isHttpUrl } from '../url';

/** Where a paper was seen: a site descriptor's id (lib/sites/), or `meta` for the generic citation_* reader. */
export type Site = string;
const SITE_IDS: ReadonlySet<string> = new Set([...SITE_DESCRIPTORS.map((site) => site.id), 'meta']);
export const SiteSchema = z.string().refine((id) => SITE_IDS.has(id), 'not a known site');

/**
 * A stable paper identity, the same for the abstract, the PDF and every version:
 * `arxiv:2410.17243`, `doi:10.1101/2021.08.03.454978`, `openreview:<note id>`,
 * `acl:2020.acl-main.405`, `s2:<40 hex>`, `pmlr:v139/smith21a`, `neurips:<hash>`, `cvf:<path>`
 * (lib/paper/key.ts builds and reads them).
 */
export const PaperKeySchema = z
  .string()
  .min(3)
  .max(LIMITS.keyLength)
  .regex(/^[a-z0-9]+:\S+$/, 'not a paper key');
export type PaperKey = z.infer<typeof PaperKeySchema>;

/** An http(s) URL, the only kind PaperPulse ever links: user-entered and page strings can be anything. */
export const HttpUrlSchema = z
  .string()
  .max(LIMITS.urlLength)
  .refine((value) => isHttpUrl(value), 'not an http(s) URL');

/** What a page (or URL alone) tells about the paper on it. Untrusted when it comes from a page. */
export const PaperRefSchema = z.object({
  key: PaperKeySchema,
  site: SiteSchema,
  arxivId: z.string().max(LIMITS.arxivIdLength).optional(),
  version: z.number().int().positive().optional(),
  doi: z.string().max(LIMITS.doiLength).optional(),
  title: z.string().max(LIMITS.titleLength).optional(),
  authors: z.array(z.string().max(LIMITS.authorLength)).max(LIMITS.authors).optional(),
  absUrl: HttpUrlSchema.optional(),
  pdfUrl: HttpUrlSchema.optional(),
});
export type PaperRef = z.infer<typeof PaperRefSchema>;
