import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTopicLines, parseTopicLines, type ParsedTopicLines } from '@/lib/topics/topic-list';
import { t, type MessageKey } from '@/lib/i18n';

export interface WatchedTopicsFieldProps {
  topics: readonly string[];
  onSave: (topics: string[]) => void;
}

const REASONS: Record<ParsedTopicLines['rejected'][number]['reason'], MessageKey> = {
  'too-long': 'topicTooLong',
  'no-words': 'topicNoWords',
  duplicate: 'topicDuplicate',
  'too-many': 'topicTooMany',
};

/**
 * One keyword or phrase per line, saved as the user pauses (and on leaving the box); lines that
 * cannot be topics are named with the reason. The box keeps what is typed while it has focus.
 */
export function WatchedTopicsField({ topics, onSave }: WatchedTopicsFieldProps) {
  const [text, setText] = useState(formatTopicLines(topics));
  const [rejected, setRejected] = useState<ParsedTopicLines['rejected']>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (document.activeElement !== area.current) setText(formatTopicLines(topics));
  }, [topics.join('\n')]);

  const save = (value: string) => {
    clearTimeout(timer.current);
    const parsed = parseTopicLines(value);
    setRejected(parsed.rejected);
    if (parsed.topics.join('\n') !== topics.join('\n')) onSave(parsed.topics);
  };

  return (
    <div class="topics-field">
      <label for="watched-topics">{t('settingWatchedTopics')}</label>
      <p class="hint" id="watched-topics-hint">
        {t('watchedTopicsHint')}
      </p>
      <textarea
        id="watched-topics"
        ref={area}
        rows={6}
        value={text}
        aria-describedby="watched-topics-hint"
        placeholder={t('watchedTopicsPlaceholder')}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(value), 500);
        }}
        onBlur={(event) => save((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {rejected.length > 0 && (
        <ul class="field-error" role="alert" aria-label={t('watchedTopicsRejected')}>
          {rejected.map(({ line, reason }) => (
            <li key={line}>{t('watchedTopicsRejectedLine', line, t(REASONS[reason]))}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
