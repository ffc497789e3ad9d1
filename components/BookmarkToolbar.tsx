import type { BookmarkListOptions, BookmarkSort, ReadFilter } from '@/lib/library/bookmark-list';
import { SearchBox } from './SearchBox';
import { t } from '@/lib/i18n';

export interface BookmarkToolbarProps {
  options: BookmarkListOptions;
  tags: readonly { tag: string; count: number }[];
  onChange: (changes: Partial<BookmarkListOptions>) => void;
}

const SORTS: { id: BookmarkSort; label: () => string }[] = [
  { id: 'added', label: () => t('sortNewest') },
  { id: 'title', label: () => t('sortTitle') },
  { id: 'upvotes', label: () => t('sortUpvotes') },
];

const READ_FILTERS: { id: ReadFilter; label: () => string }[] = [
  { id: 'all', label: () => t('filterAll') },
  { id: 'unread', label: () => t('filterUnread') },
  { id: 'read', label: () => t('filterRead') },
];

export function BookmarkToolbar({ options, tags, onChange }: BookmarkToolbarProps) {
  // A tag chosen earlier stays listed even when no bookmark has it any more, so the select shows it.
  const tagOptions =
    options.tag && !tags.some(({ tag }) => tag === options.tag)
      ? [{ tag: options.tag, count: 0 }, ...tags]
      : tags;
  return (
    <div class="toolbar bookmark-toolbar">
      <SearchBox
        value={options.query}
        onInput={(query) => onChange({ query })}
        label={t('searchBookmarksLabel')}
        placeholder={t('searchBookmarksPlaceholder')}
      />
      <div class="bookmark-filters">
        {/* The options name themselves ("Newest first", "All tags"): no visible label, so that the
            filters fit on one line of the popup. */}
        <select
          class="select-field"
          aria-label={t('sortBookmarks')}
          value={options.sort}
          onChange={(event) =>
            onChange({ sort: (event.currentTarget as HTMLSelectElement).value as BookmarkSort })
          }
        >
          {SORTS.map((sort) => (
            <option key={sort.id} value={sort.id}>
              {sort.label()}
            </option>
          ))}
        </select>
        <select
          class="select-field"
          aria-label={t('filterTag')}
          value={options.tag}
          disabled={tagOptions.length === 0}
          onChange={(event) => onChange({ tag: (event.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">{t('filterAllTags')}</option>
          {tagOptions.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {t('filterTagOption', tag, count)}
            </option>
          ))}
        </select>
        <div class="segmented" role="group" aria-label={t('filterReadState')}>
          {READ_FILTERS.map((filter) => (
            <button
              key={filter.id}
              type="button"
              aria-pressed={options.read === filter.id}
              onClick={() => onChange({ read: filter.id })}
            >
              {filter.label()}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
