import { t } from '@/lib/i18n';

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
      aria-label={t('bookmarkStarLabel', title)}
      title={bookmarked ? t('bookmarkStarRemove') : t('bookmarkStarAdd')}
      onClick={onToggle}
    >
      {bookmarked ? '★' : '☆'}
    </button>
  );
}
