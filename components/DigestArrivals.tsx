import type { Paper } from '@/lib/storage/records';
import { DigestPaperList } from './DigestPaperList';

export interface DigestArrivalsProps {
  papers: readonly Paper[];
  topicsOf: ReadonlyMap<string, readonly string[]>;
  /** How many of the papers the notification named are no longer stored. */
  missing: number;
  /** The digest page for the whole week. */
  weekHref: string;
  locale?: string;
}

/** The papers one batched notification announced. */
export function DigestArrivals({ papers, topicsOf, missing, weekHref, locale }: DigestArrivalsProps) {
  return (
    <>
      <header class="digest-header">
        <p class="digest-brand">PaperPulse</p>
        <h1>New on your watched topics</h1>
        <p class="digest-intro">
          {papers.length} paper{papers.length === 1 ? '' : 's'} from your notification
          {missing > 0 ? `; ${missing} no longer in the copy on this computer` : ''}.{' '}
          <a href={weekHref}>See your whole week</a>
        </p>
      </header>
      <section aria-labelledby="arrivals">
        <h2 id="arrivals" class="sr-only">
          Papers
        </h2>
        <DigestPaperList papers={papers} topicsOf={topicsOf} locale={locale} />
      </section>
    </>
  );
}
