import type { Digest } from '@/lib/digest/digest';
import { formatDay } from '@/lib/format';
import { DigestPaperList } from './DigestPaperList';

/** An id for a topic's heading, unique on the page ("topic-0", …): topics can be any text. */
const topicAnchor = (index: number) => `topic-${index}`;

/** The weekly digest: the week's top papers, then each watched topic's. */
export function DigestWeek({ digest, locale }: { digest: Digest; locale?: string }) {
  const range = `${formatDay(digest.from, locale)} to ${formatDay(digest.to, locale)}`;
  return (
    <>
      <header class="digest-header">
        <p class="digest-brand">PaperPulse</p>
        <h1>Your PaperPulse week</h1>
        <p class="digest-intro">
          Daily Papers from {range}: {digest.paperCount} paper{digest.paperCount === 1 ? '' : 's'}, from the
          copy on this computer.
        </p>
        {digest.topics.length > 0 && digest.paperCount > 0 && (
          <nav aria-label="On this page">
            <ul class="digest-nav">
              <li>
                <a href="#top-papers">Top papers</a>
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
          No Daily Papers are stored for these seven days. PaperPulse keeps its copy up to date whenever the
          browser is open and online.
        </p>
      ) : (
        <>
          <section aria-labelledby="top-papers">
            <h2 id="top-papers">Top papers this week</h2>
            <DigestPaperList papers={digest.top} locale={locale} />
          </section>
          <section aria-labelledby="watched-topics">
            <h2 id="watched-topics">Your watched topics</h2>
            {digest.topics.length === 0 && (
              <p class="digest-empty">
                You watch no topics yet. Add some under “Watched topics” in PaperPulse’s options to see their
                best papers here.
              </p>
            )}
            {digest.topics.map((topic, index) => (
              <section key={topic.topic} aria-labelledby={topicAnchor(index)} class="digest-topic">
                <h3 id={topicAnchor(index)}>{topic.topic}</h3>
                {topic.total === 0 ? (
                  <p class="digest-count">No papers on it this week.</p>
                ) : (
                  <>
                    <p class="digest-count">
                      {topic.total} paper{topic.total === 1 ? '' : 's'} this week
                      {topic.total > topic.papers.length ? `; the top ${topic.papers.length}` : ''}.
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
