import { z } from '../zod';
import { isHttpUrl } from '../url';

/** Sites PaperPulse recognises; `meta` is the generic citation_* / Dublin Core reader. */
export const SITES = [
  'arxiv',
  'alphaxiv',
  'huggingface',
  'openreview',
  'acl',
  'biorxiv',
  'medrxiv',
  'semanticscholar',
  'pmlr',
  'neurips',
  'cvf',
  'meta',
] as const;
export type Site = (typeof SITES)[number];

/**
 * A stable paper identity, the same for the abstract, the PDF and every version:
 * `arxiv:2410.17243`, `doi:10.1101/2021.08.03.454978`, `openreview:<note id>`,
 * `acl:2020.acl-main.405`, `s2:<40 hex>`, `pmlr:v139/smith21a`, `neurips:<hash>`, `cvf:<path>`.
 */
export const PaperKeySchema = z
  .string()
  .min(3)
  .max(300)
  .regex(/^[a-z0-9]+:\S+$/, 'not a paper key');
export type PaperKey = z.infer<typeof PaperKeySchema>;

const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => isHttpUrl(value), 'not an http(s) URL');

/** What a page (or URL alone) tells about the paper on it. Untrusted when it comes from a page. */
export const PaperRefSchema = z.object({
  key: PaperKeySchema,
  site: z.enum(SITES),
  arxivId: z.string().max(40).optional(),
  version: z.number().int().positive().optional(),
  doi: z.string().max(300).optional(),
  title: z.string().max(1000).optional(),
  authors: z.array(z.string().max(300)).max(500).optional(),
  absUrl: httpUrl.optional(),
  pdfUrl: httpUrl.optional(),
});
export type PaperRef = z.infer<typeof PaperRefSchema>;
