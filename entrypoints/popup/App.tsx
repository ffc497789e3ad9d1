import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { markAllSeen } from '@/lib/badge';
import { sendMessage } from '@/lib/messaging-client';
import { useLiveQuery } from '@/lib/use-live-query';
import { dayView, feedStatus } from '@/lib/feed/queries';
import { latestFeedDay } from '@/lib/feed/store';
import { formatDay } from '@/lib/format';
import { PaperRow } from '@/components/PaperRow';
import { StatusLine } from '@/components/StatusLine';
import { EmptyState } from '@/components/EmptyState';

const db = getDb();

export function App() {
  const [seenBefore, setSeenBefore] = useState<number | undefined>(undefined);
  const status = useLiveQuery(() => feedStatus(db), [], undefined);
  const latest = useLiveQuery(
    async () => {
      const day = await latestFeedDay(db);
      return day ? dayView(db, day) : null;
    },
    [],
    undefined,
  );

  useEffect(() => {
    // Opening the popup marks everything seen (the badge clears); rows keep their "new" dot
    // for this visit. A failed or stale refresh is retried now rather than an hour later.
    void markAllSeen(db, Date.now()).then(setSeenBefore);
    void sendMessage('feed.refreshIfStale', {}).catch(() => undefined);
  }, []);

  const now = Date.now();
  return (
    <main class="popup">
      <header class="header">
        <h1>PaperPulse</h1>
        {status && <StatusLine state={status.state} now={now} />}
      </header>
      {latest === undefined ? null : latest === null ? (
        status?.state.lastError ? (
          <EmptyState title="No papers saved yet">
            PaperPulse could not reach Hugging Face ({status.state.lastError.message}). It will try again by
            itself; your bookmarks are unaffected.
          </EmptyState>
        ) : (
          <EmptyState title="Fetching today’s Daily Papers…">
            This takes a few seconds on first run. Weekends and holidays have no new papers; the latest
            weekday is shown instead.
          </EmptyState>
        )
      ) : (
        <section aria-labelledby="day-heading">
          <h2 id="day-heading" class="day-heading">
            Daily Papers · {formatDay(latest.day.date)}
          </h2>
          <ol class="paper-list">
            {latest.papers.map((paper, i) => (
              <PaperRow
                key={paper.id}
                paper={paper}
                rank={i + 1}
                isNew={seenBefore !== undefined && paper.firstSeenAt > seenBefore}
              />
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}
