export interface BookmarkStarProps {
  bookmarked: boolean;
  title: string;
  onToggle: () => void;
}

export function BookmarkStar({ bookmarked, title, onToggle }: BookmarkStarProps) {
  return (
    <button
      type="button"
      class={bookmarked ? 'icon-button star on' : 'icon-button star'}
      aria-pressed={bookmarked}
      // One name; aria-pressed says whether it is bookmarked (a flipping name reads as a double negative).
      aria-label={`Bookmark: ${title}`}
      title={bookmarked ? 'Remove bookmark (b)' : 'Bookmark (b)'}
      onClick={onToggle}
    >
      {bookmarked ? '★' : '☆'}
    </button>
  );
}
