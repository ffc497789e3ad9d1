import type { BookmarkListOptions, BookmarkSort, ReadFilter } from '@/lib/library/bookmark-list';
import { SearchBox } from './SearchBox';

export interface BookmarkToolbarProps {
  options: BookmarkListOptions;
  tags: readonly { tag: string; count: number }[];
  onChange: (changes: Partial<BookmarkListOptions>) => void;
}

const SORTS: { id: BookmarkSort; label: string }[] = [
  { id: 'added', label: 'Newest first' },
  { id: 'title', label: 'Title A–Z' },
  { id: 'upvotes', label: 'Most upvoted' },
];

const READ_FILTERS: { id: ReadFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'unread', label: 'Unread' },
  { id: 'read', label: 'Read' },
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
        label="Search bookmarks by title, author, tag or note"
        placeholder="Search title, author, tag, note…"
      />
      <div class="bookmark-filters">
        {/* The options name themselves ("Newest first", "All tags"): no visible label, so that the
            filters fit on one line of the popup. */}
        <select
          class="select-field"
          aria-label="Sort bookmarks"
          value={options.sort}
          onChange={(event) =>
            onChange({ sort: (event.currentTarget as HTMLSelectElement).value as BookmarkSort })
          }
        >
          {SORTS.map((sort) => (
            <option key={sort.id} value={sort.id}>
              {sort.label}
            </option>
          ))}
        </select>
        <select
          class="select-field"
          aria-label="Show bookmarks with tag"
          value={options.tag}
          disabled={tagOptions.length === 0}
          onChange={(event) => onChange({ tag: (event.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">All tags</option>
          {tagOptions.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {`${tag} (${count})`}
            </option>
          ))}
        </select>
        <div class="segmented" role="group" aria-label="Read state">
          {READ_FILTERS.map((filter) => (
            <button
              key={filter.id}
              type="button"
              aria-pressed={options.read === filter.id}
              onClick={() => onChange({ read: filter.id })}
            >
              {filter.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
