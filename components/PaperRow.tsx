import type { Paper } from '@/lib/records';
import { huggingFacePaperUrl } from '@/lib/url';
import { formatAuthors } from '@/lib/format';

export interface PaperRowProps {
  paper: Paper;
  rank: number;
  isNew: boolean;
}

export function PaperRow({ paper, rank, isNew }: PaperRowProps) {
  return (
    <li class="paper-row" data-paper-id={paper.id}>
      <span class="rank" aria-label={`Rank ${rank}`}>
        {rank}
      </span>
      <div class="paper-main">
        <a class="title" href={huggingFacePaperUrl(paper.id)} target="_blank" rel="noopener noreferrer">
          {isNew && <span class="new-dot" title="New since you last looked" aria-label="New" />}
          {paper.title}
        </a>
        <div class="meta">
          <span class="authors">{formatAuthors(paper.authors)}</span>
          {paper.organization && <span class="org"> · {paper.organization}</span>}
        </div>
      </div>
      <div class="counts">
        <span class="upvotes" title={`${paper.upvotes} upvotes`} aria-label={`${paper.upvotes} upvotes`}>
          ▲ {paper.upvotes}
        </span>
        <span class="comments" title={`${paper.numComments} comments`} aria-label={`${paper.numComments} comments`}>
          💬 {paper.numComments}
        </span>
      </div>
    </li>
  );
}
