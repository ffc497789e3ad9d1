import type { Paper } from '@/lib/storage/records';
import { DigestPaperList } from './DigestPaperList';
import { t, tp } from '@/lib/i18n';

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
        <h1>{t('digestArrivalsTitle')}</h1>
        <p class="digest-intro">
          {missing > 0
            ? t('digestArrivalsIntroMissing', tp('paperCount', papers.length), missing)
            : t('digestArrivalsIntro', tp('paperCount', papers.length))}{' '}
          <a href={weekHref}>{t('digestSeeWeek')}</a>
        </p>
      </header>
      <section aria-labelledby="arrivals">
        <h2 id="arrivals" class="sr-only">
          {t('digestPapers')}
        </h2>
        <DigestPaperList papers={papers} topicsOf={topicsOf} locale={locale} />
      </section>
    </>
  );
}
