import { useEffect, useState } from 'preact/hooks';
import { DigestArrivals } from '@/components/DigestArrivals';
import { DigestWeek } from '@/components/DigestWeek';
import { loadDigestPage, type DigestPage } from '@/lib/digest/digest-page';
import { DIGEST_PATH } from '@/lib/digest/digest-url';
import { getDb } from '@/lib/storage/db';
import { getSettings } from '@/lib/storage/settings';
import { t } from '@/lib/i18n';

type Loaded = DigestPage | { kind: 'loading' } | { kind: 'failed'; message: string };

/** The digest page (`digest.html`), drawn from the cache: the week, or one notification's papers. */
export function App() {
  const [page, setPage] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    getSettings()
      .then(({ watchedTopics }) => loadDigestPage(getDb(), location.search, watchedTopics, Date.now()))
      .then(setPage, (error: unknown) => setPage({ kind: 'failed', message: String(error) }));
  }, []);
  useEffect(() => {
    if (page.kind === 'arrivals') document.title = t('digestArrivalsDocumentTitle');
  }, [page.kind]);

  switch (page.kind) {
    case 'loading':
      return <p class="digest-empty">{t('loading')}</p>;
    case 'failed':
      return (
        <p class="digest-empty" role="alert">
          {t('digestLoadFailed', page.message)}
        </p>
      );
    case 'week':
      return <DigestWeek digest={page.digest} />;
    case 'arrivals':
      return (
        <DigestArrivals
          papers={page.papers}
          topicsOf={page.topicsOf}
          missing={page.missing}
          weekHref={DIGEST_PATH}
        />
      );
  }
}
