import { z } from '../zod';
import { parseArxivId } from '../paper/arxiv-id';

/**
 * One item of `GET /api/daily_papers` (see SOURCES.md). Only `paper.id` and a title are required;
 * unknown fields pass through (looseObject) because the upstream changes without notice, and every
 * optional field that has the wrong type is ignored rather than failing the item.
 */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const OrganizationSchema = z.looseObject({ name: optional(z.string()), fullname: optional(z.string()) });

const AuthorSchema = z.looseObject({ name: z.string(), hidden: optional(z.boolean()) });

export const FeedItemSchema = z.looseObject({
  title: optional(z.string()),
  summary: optional(z.string()),
  publishedAt: optional(z.string()),
  numComments: optional(z.number().int().nonnegative()),
  organization: optional(OrganizationSchema),
  paper: z.looseObject({
    id: z
      .string()
      .trim()
      .refine((id) => parseArxivId(id)?.id === id, 'paper.id is not a bare arXiv id'),
    title: optional(z.string()),
    summary: optional(z.string()),
    authors: optional(z.array(AuthorSchema.catch({ name: '' }))),
    publishedAt: optional(z.string()),
    upvotes: optional(z.number().int().nonnegative()),
    githubRepo: optional(z.string()),
    githubStars: optional(z.number().int().nonnegative()),
    projectPage: optional(z.string()),
    ai_summary: optional(z.string()),
    ai_keywords: optional(z.array(z.string())),
    organization: optional(OrganizationSchema),
  }),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

/** A validated feed entry, normalised for storage. */
export interface FeedPaper {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  publishedAt?: string;
  upvotes: number;
  numComments: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiSummary?: string;
  aiKeywords?: string[];
  organization?: string;
}

export interface DroppedItem {
  index: number;
  reason: string;
}
