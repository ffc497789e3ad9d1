import type { Paper } from '@/lib/storage/records';
import { formatDay } from '@/lib/format';
import { huggingFacePaperUrl, isHttpUrl } from '@/lib/url';
import { t, tp } from '@/lib/i18n';

export interface DigestPaperListProps {
  papers: readonly Paper[];
  /** The watched topics each paper matches, by id, when the list says why a paper is there. */
  topicsOf?: ReadonlyMap<string, readonly string[]>;
  locale?: string;
}

function Link({ href, children }: { href: string | undefined; children: string }) {
  // Only http(s) links: a stored URL came from the network.
  return isHttpUrl(href) ? (
    <li>
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    </li>
  ) : null;
}

/** Papers ranked by upvotes, each with its numbers and links; an ordered list, so the rank is read out. */
export function DigestPaperList({ papers, topicsOf, locale }: DigestPaperListProps) {
  return (
    <ol class="digest-list">
      {papers.map((paper) => {
        const topics = topicsOf?.get(paper.id) ?? [];
        return (
          <li class="digest-paper" key={paper.id} data-paper-id={paper.id}>
            <a
              class="digest-title"
              href={huggingFacePaperUrl(paper.id)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {paper.title}
            </a>
            <p class="digest-numbers">
              <span>
                <span aria-hidden="true">▲ </span>
                {tp('upvoteCount', paper.upvotes)}
              </span>
              <span>{tp('commentCount', paper.numComments)}</span>
              {paper.githubStars !== undefined && <span>{tp('starCount', paper.githubStars)}</span>}
              <span>{formatDay(paper.dailyDate, locale)}</span>
            </p>
            {topics.length > 0 && <p class="digest-topics">{t('digestPaperTopics', topics.join(', '))}</p>}
            <ul class="digest-links" aria-label={t('digestLinksLabel', paper.title)}>
              <Link href={`https://arxiv.org/abs/${paper.id}`}>arXiv</Link>
              <Link href={`https://arxiv.org/pdf/${paper.id}`}>PDF</Link>
              <Link href={paper.githubRepo}>{t('linkCode')}</Link>
              <Link href={paper.projectPage}>{t('linkProjectPage')}</Link>
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
