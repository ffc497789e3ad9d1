import type { Bookmark } from '@/lib/storage/records';
import { formatAuthors } from '@/lib/format';
import { bookmarkUrl } from '@/lib/library/bookmark-links';
import type { VersionAlert } from '@/lib/versions/alert';
import { BookmarkDetails } from './BookmarkDetails';
import { ExpandButton } from './ExpandButton';
import { t } from '@/lib/i18n';

export interface BookmarkRowProps {
  bookmark: Bookmark;
  /** Upvotes in the cached feed, when the paper is in it. */
  upvotes?: number;
  expanded: boolean;
  onToggleRead: () => void;
  onRemove: () => void;
  onToggleExpand: () => void;
  onTag: (tag: string) => void;
  onSaveTags: (tags: string[]) => Promise<void>;
  onSaveNote: (note: string) => Promise<void>;
  /** "v3 available": shown until dismissed (opening its link dismisses too). */
  versionAlert?: VersionAlert;
  onDismissVersion?: () => void;
}

function year(publishedAt: string | undefined): string | undefined {
  return /^\d{4}/.exec(publishedAt ?? '')?.[0];
}

export function BookmarkRow({ bookmark, upvotes, expanded, versionAlert, ...events }: BookmarkRowProps) {
  const url = bookmarkUrl(bookmark);
  const detailsId = `bookmark-details-${bookmark.key}`;
  const meta = [formatAuthors(bookmark.authors), bookmark.venue, year(bookmark.publishedAt)].filter(Boolean);
  const classes = ['bookmark-row', bookmark.read ? 'read' : 'unread', expanded ? 'expanded' : ''];
  return (
    <article class={classes.join(' ')} data-key={bookmark.key}>
      <div class="bookmark-main">
        {url ? (
          <a class="title" href={url} target="_blank" rel="noopener noreferrer">
            {bookmark.title}
          </a>
        ) : (
          <span class="title">{bookmark.title}</span>
        )}
        <div class="meta">
          {meta.join(' · ')}
          {upvotes !== undefined && (
            <span class="bookmark-upvotes" aria-label={t('bookmarkUpvotesLabel', upvotes)}>
              {meta.length ? ' · ' : ''}▲ {upvotes}
            </span>
          )}
        </div>
        {versionAlert && (
          <div class="version-alert">
            <a href={versionAlert.url} target="_blank" rel="noopener" onClick={events.onDismissVersion}>
              {versionAlert.text}
            </a>
            <button
              type="button"
              class="text-button"
              aria-label={t('versionDismissLabel', versionAlert.text, bookmark.title)}
              onClick={events.onDismissVersion}
            >
              {t('dismiss')}
            </button>
          </div>
        )}
        {bookmark.tags.length > 0 && (
          <ul class="tag-chips" aria-label={t('tagsLabel')}>
            {bookmark.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  class="tag-chip"
                  title={t('tagChipTitle', tag)}
                  onClick={() => events.onTag(tag)}
                >
                  {tag}
                </button>
              </li>
            ))}
          </ul>
        )}
        {expanded && (
          <BookmarkDetails
            id={detailsId}
            bookmark={bookmark}
            onSaveTags={events.onSaveTags}
            onSaveNote={events.onSaveNote}
          />
        )}
      </div>
      <div class="row-actions">
        {/* The name stays "Mark as read" and aria-pressed carries the state: a name that flips
            with the state reads as a double negative ("Mark as unread, pressed"). */}
        <button
          type="button"
          class={bookmark.read ? 'icon-button read-toggle on' : 'icon-button read-toggle'}
          aria-pressed={bookmark.read}
          aria-label={t('markReadLabel')}
          title={bookmark.read ? t('markUnreadTitle') : t('markReadTitle')}
          onClick={events.onToggleRead}
        >
          ✓
        </button>
        <button
          type="button"
          class="icon-button remove"
          aria-label={t('removeBookmarkLabel', bookmark.title)}
          title={t('removeBookmarkTitle')}
          onClick={events.onRemove}
        >
          ✕
        </button>
        <ExpandButton
          expanded={expanded}
          controls={detailsId}
          openLabel={t('bookmarkOpenDetails', bookmark.title)}
          closeLabel={t('bookmarkCloseDetails', bookmark.title)}
          onToggle={events.onToggleExpand}
        />
      </div>
    </article>
  );
}
