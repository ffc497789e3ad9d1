import type { Digest } from '@/lib/digest/digest';
import { formatDay } from '@/lib/format';
import { DigestPaperList } from './DigestPaperList';
import { t, tp } from '@/lib/i18n';

/** An id for a topic's heading, unique on the page ("topic-0", …): topics can be any text. */
const topicAnchor = (index: number) => `topic-${index}`;

/** The weekly digest: the week's top papers, then each watched topic's. */
export function DigestWeek({ digest, locale }: { digest: Digest; locale?: string }) {
  return (
    <>
      <header class="digest-header">
        <p class="digest-brand">PaperPulse</p>
        <h1>{t('digestWeekTitle')}</h1>
        <p class="digest-intro">
          {t(
            'digestIntro',
            formatDay(digest.from, locale),
            formatDay(digest.to, locale),
            tp('paperCount', digest.paperCount),
          )}
        </p>
        {digest.topics.length > 0 && digest.paperCount > 0 && (
          <nav aria-label={t('digestOnThisPage')}>
            <ul class="digest-nav">
              <li>
                <a href="#top-papers">{t('digestTopPapers')}</a>
              </li>
              {digest.topics.map((topic, index) => (
                <li key={topic.topic}>
                  <a href={`#${topicAnchor(index)}`}>{topic.topic}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {digest.paperCount === 0 ? (
        <p class="digest-empty" role="note">
          {t('digestNoPapers')}
        </p>
      ) : (
        <>
          <section aria-labelledby="top-papers">
            <h2 id="top-papers">{t('digestTopPapersHeading')}</h2>
            <DigestPaperList papers={digest.top} locale={locale} />
          </section>
          <section aria-labelledby="watched-topics">
            <h2 id="watched-topics">{t('digestWatchedHeading')}</h2>
            {digest.topics.length === 0 && <p class="digest-empty">{t('digestNoTopics')}</p>}
            {digest.topics.map((topic, index) => (
              <section key={topic.topic} aria-labelledby={topicAnchor(index)} class="digest-topic">
                <h3 id={topicAnchor(index)}>{topic.topic}</h3>
                {topic.total === 0 ? (
                  <p class="digest-count">{t('digestTopicNone')}</p>
                ) : (
                  <>
                    <p class="digest-count">
                      {topic.total > topic.papers.length
                        ? t('digestTopicCountTop', tp('paperCount', topic.total), topic.papers.length)
                        : t('digestTopicCount', tp('paperCount', topic.total))}
                    </p>
                    <DigestPaperList papers={topic.papers} locale={locale} />
                  </>
                )}
              </section>
            ))}
          </section>
        </>
      )}
    </>
  );
}
