import type { PaperPulseDB } from '../storage/db';

/** What PaperPulse holds, for the options page's Data section and its "clear everything" question. */
export interface StorageSummary {
  bookmarks: number;
  withNotesOrTags: number;
  removed: number;
  papers: number;
  days: number;
  /** Bytes the browser says the extension uses, when it says. */
  bytes?: number;
}

export async function storageSummary(
  db: PaperPulseDB,
  estimate: () => Promise<{ usage?: number }> = () => navigator.storage.estimate(),
): Promise<StorageSummary> {
  const [bookmarks, withNotesOrTags, removed, papers, days, usage] = await Promise.all([
    db.bookmarks.count(),
    db.bookmarks.filter((bookmark) => bookmark.note.trim() !== '' || bookmark.tags.length > 0).count(),
    db.trash.count(),
    db.papers.count(),
    db.feedDays.filter((day) => day.paperIds.length > 0).count(),
    estimate().catch(() => ({ usage: undefined })),
  ]);
  return { bookmarks, withNotesOrTags, removed, papers, days, bytes: usage.usage };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
