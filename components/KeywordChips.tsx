import { t } from '@/lib/i18n';

/**
 * A paper's AI keywords; with `onWatch`, each is a button that adds it to the watched topics
 * (one already watched says so and does nothing).
 */
export function KeywordChips({
  keywords,
  isWatched,
  onWatch,
}: {
  keywords: readonly string[];
  isWatched?: (keyword: string) => boolean;
  onWatch?: (keyword: string) => void;
}) {
  return (
    <span class="keywords" role="group" aria-label={t('keywordsLabel')}>
      {keywords.map((keyword) => {
        if (!onWatch)
          return (
            <span class="term" key={keyword}>
              {keyword}
            </span>
          );
        const watched = isWatched?.(keyword) ?? false;
        return (
          <button
            type="button"
            class={watched ? 'term keyword watched' : 'term keyword'}
            key={keyword}
            aria-pressed={watched}
            title={watched ? t('keywordWatchedTitle', keyword) : t('keywordWatchTitle', keyword)}
            onClick={() => !watched && onWatch(keyword)}
          >
            <span aria-hidden="true">{watched ? '✓ ' : '+ '}</span>
            {keyword}
          </button>
        );
      })}
    </span>
  );
}
