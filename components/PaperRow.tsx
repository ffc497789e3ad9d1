import { useId } from 'preact/hooks';
import type { Paper } from '@/lib/storage/records';
import { huggingFacePaperUrl, isHttpUrl } from '@/lib/url';
import { formatAuthors } from '@/lib/format';
import { BookmarkStar } from './BookmarkStar';
import { CommentIcon } from './CommentIcon';
import { ExpandButton } from './ExpandButton';
import { TermChips } from './TermChips';
import { KeywordChips } from './KeywordChips';
import { Sparkline } from './Sparkline';
import { SparklineChart } from './SparklineChart';
import type { RisingRecordEntry } from '@/lib/trends/record';
import { t, tp } from '@/lib/i18n';

export interface PaperRowProps {
  paper: Paper;
  rank?: number;
  isNew?: boolean;
  bookmarked: boolean;
  expanded: boolean;
  /** Why this paper is related, for the Related tab. */
  terms?: string[];
  /** This week's papers: upvotes gained and the sparkline since joining (the trends record). */
  rising?: Pick<RisingRecordEntry, 'gain' | 'spark'>;
  /** The watched topics this paper is on (a mark under its title). */
  watched?: readonly string[];
  /** With it, the keywords of the expanded row add themselves to the watched topics. */
  keywordWatch?: { isWatched: (keyword: string) => boolean; onWatch: (keyword: string) => void };
  onToggleBookmark: () => void;
  onToggleExpand: () => void;
}

function ExternalLink({ href, children }: { href: string | undefined; children: string }) {
  return isHttpUrl(href) ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : null;
}

export function PaperRow({
  paper,
  rank,
  isNew,
  bookmarked,
  expanded,
  terms,
  rising,
  watched,
  keywordWatch,
  onToggleBookmark,
  onToggleExpand,
}: PaperRowProps) {
  // Unique per row instance: the same paper can be listed in Trending and Related at once.
  const detailsId = useId();
  return (
    <article class={expanded ? 'paper-row expanded' : 'paper-row'} data-paper-id={paper.id}>
      {rank !== undefined && (
        <span class="rank" aria-label={t('rowRank', rank)}>
          {rank}
        </span>
      )}
      <div class="paper-main">
        {isNew && (
          <>
            <span class="new-dot" title={t('rowNewTitle')} aria-hidden="true" />
            <span class="sr-only">{`${t('rowNewPrefix')} `}</span>
          </>
        )}
        <a class="title" href={huggingFacePaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
          {paper.title}
        </a>
        <div class="meta">
          <span class="authors">{formatAuthors(paper.authors)}</span>
          {paper.organization && <span class="org"> · {paper.organization}</span>}
        </div>
        {watched && watched.length > 0 && (
          <div class="watched-mark">
            <span aria-hidden="true">◆ </span>
            <span class="sr-only">{`${t('rowWatchedPrefix')} `}</span>
            {watched.join(', ')}
          </div>
        )}
        {terms && terms.length > 0 && <TermChips terms={terms} label={t('rowRelatedThrough')} />}
        {expanded && (
          <div class="details" id={detailsId}>
            {rising && <SparklineChart spark={rising.spark} gain={rising.gain} />}
            {paper.aiSummary && (
              <p class="ai-summary">
                <strong>{t('rowAiSummary')}</strong> {paper.aiSummary}
              </p>
            )}
            {paper.summary && <p class="abstract">{paper.summary}</p>}
            {paper.aiKeywords && paper.aiKeywords.length > 0 && (
              <p>
                <KeywordChips
                  keywords={paper.aiKeywords}
                  isWatched={keywordWatch?.isWatched}
                  onWatch={keywordWatch?.onWatch}
                />
              </p>
            )}
            <p class="links">
              <ExternalLink href={`https://arxiv.org/abs/${paper.id}`}>arXiv</ExternalLink>
              <ExternalLink href={`https://arxiv.org/pdf/${paper.id}`}>PDF</ExternalLink>
              <ExternalLink href={paper.githubRepo}>{t('linkCode')}</ExternalLink>
              <ExternalLink href={paper.projectPage}>{t('linkProjectPage')}</ExternalLink>
            </p>
          </div>
        )}
      </div>
      <div class="counts">
        {/* Words for screen readers in hidden text: aria-label is ignored on a plain span. */}
        <span class="upvotes">
          <span aria-hidden="true">▲ </span>
          {paper.upvotes}
          <span class="sr-only"> {tp('upvoteWord', paper.upvotes)}</span>
        </span>
        <span class="comments">
          <CommentIcon /> {paper.numComments}
          <span class="sr-only"> {tp('commentWord', paper.numComments)}</span>
        </span>
        {rising && <Sparkline spark={rising.spark} gain={rising.gain} />}
      </div>
      <div class="row-actions">
        <BookmarkStar bookmarked={bookmarked} title={paper.title} onToggle={onToggleBookmark} />
        <ExpandButton
          expanded={expanded}
          controls={detailsId}
          openLabel={t('rowShowDetails', paper.title)}
          closeLabel={t('rowHideDetails', paper.title)}
          onToggle={onToggleExpand}
        />
      </div>
    </article>
  );
}
