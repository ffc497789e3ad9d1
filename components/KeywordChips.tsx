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
    <span class="keywords" role="group" aria-label="Keywords">
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
            title={watched ? `“${keyword}” is a watched topic` : `Watch “${keyword}”`}
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
