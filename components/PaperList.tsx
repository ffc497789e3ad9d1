import { useLayoutEffect, useState } from 'preact/hooks';
import { markFirstRow } from '@/lib/popup/first-row-mark';
import type { Paper } from '@/lib/storage/records';
import { huggingFacePaperUrl } from '@/lib/url';
import { PaperRow } from './PaperRow';
import { VirtualList } from './VirtualList';
import type { RisingRecordEntry } from '@/lib/trends/record';
import type { WatchedView } from '@/lib/popup/watched-view';

export interface PaperListProps {
  papers: readonly Paper[];
  label: string;
  bookmarkedKeys: ReadonlySet<string>;
  onToggleBookmark: (paper: Paper, bookmarked: boolean) => void;
  /** Show ranks (Trending), and the "new" dot for papers first seen after this time. */
  ranked?: boolean;
  seenBefore?: number;
  termsOf?: (paper: Paper) => string[] | undefined;
  /** A row's gain and sparkline (this week's papers), from the trends record. */
  risingOf?: (paper: Paper) => RisingRecordEntry | undefined;
  /** Watched topics: each row's mark, and keyword chips that watch their keyword. */
  watch?: { view: WatchedView; add: (phrase: string) => void };
}

/** A virtualised list of papers; keyboard: ↑/↓ move, Enter opens, `b` bookmarks, →/← expand. */
export function PaperList({
  papers,
  label,
  bookmarkedKeys,
  onToggleBookmark,
  ranked,
  seenBefore,
  termsOf,
  risingOf,
  watch,
}: PaperListProps) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const hasRows = papers.length > 0;
  // A layout effect: runs as soon as the rows are in the DOM, so the mark lands on the frame that paints them.
  useLayoutEffect(() => {
    if (hasRows) markFirstRow();
  }, [hasRows]);
  const isBookmarked = (paper: Paper) => bookmarkedKeys.has(`arxiv:${paper.id}`);
  const keywordWatch = watch && { isWatched: watch.view.isWatched, onWatch: watch.add };
  const toggleExpand = (paper: Paper) => setExpanded((id) => (id === paper.id ? null : paper.id));

  function onRowKey(paper: Paper, event: KeyboardEvent) {
    if (event.key === 'Enter') window.open(huggingFacePaperUrl(paper.id), '_blank', 'noopener');
    else if (event.key === 'b') onToggleBookmark(paper, isBookmarked(paper));
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === ' ') {
      setExpanded(
        event.key === 'ArrowLeft'
          ? null
          : event.key === 'ArrowRight'
            ? paper.id
            : expanded === paper.id
              ? null
              : paper.id,
      );
    } else return;
    event.preventDefault();
  }

  return (
    <VirtualList
      items={papers}
      itemKey={(paper) => paper.id}
      label={label}
      estimatedHeight={62}
      onRowKey={onRowKey}
      renderItem={(paper, index) => (
        <PaperRow
          paper={paper}
          rank={ranked ? index + 1 : undefined}
          isNew={seenBefore !== undefined && paper.firstSeenAt > seenBefore}
          bookmarked={isBookmarked(paper)}
          expanded={expanded === paper.id}
          terms={termsOf?.(paper)}
          rising={risingOf?.(paper)}
          watched={watch?.view.topicsOf(paper)}
          keywordWatch={keywordWatch}
          onToggleBookmark={() => onToggleBookmark(paper, isBookmarked(paper))}
          onToggleExpand={() => toggleExpand(paper)}
        />
      )}
    />
  );
}
