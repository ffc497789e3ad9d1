import type { Bookmark } from '@/lib/storage/records';
import { bookmarkLinks } from '@/lib/library/bookmark-links';
import { NoteEditor } from './NoteEditor';
import { TagsInput } from './TagsInput';

export interface BookmarkDetailsProps {
  id: string;
  bookmark: Bookmark;
  onSaveTags: (tags: string[]) => Promise<void>;
  onSaveNote: (note: string) => Promise<void>;
}

/** The expanded part of a bookmark row: what the user adds to it, and where it can be read. */
export function BookmarkDetails({ id, bookmark, onSaveTags, onSaveNote }: BookmarkDetailsProps) {
  const links = bookmarkLinks(bookmark);
  return (
    <div class="details bookmark-details" id={id}>
      <TagsInput tags={bookmark.tags} title={bookmark.title} onSave={onSaveTags} />
      <NoteEditor
        bookmarkKey={bookmark.key}
        note={bookmark.note}
        title={bookmark.title}
        onSave={onSaveNote}
      />
      {links.length > 0 && (
        <p class="links">
          {links.map((link) => (
            <a key={link.label} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
        </p>
      )}
    </div>
  );
}
