import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTopicLines, parseTopicLines, type ParsedTopicLines } from '@/lib/topics/topic-list';

export interface WatchedTopicsFieldProps {
  topics: readonly string[];
  onSave: (topics: string[]) => void;
}

const REASONS: Record<ParsedTopicLines['rejected'][number]['reason'], string> = {
  'too-long': 'too long',
  'no-words': 'no words to match',
  duplicate: 'the same as another line',
  'too-many': 'over the limit of topics',
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
      <label for="watched-topics">Watched topics</label>
      <p class="hint" id="watched-topics-hint">
        One keyword or phrase per line. Matched in titles, abstracts and Hugging Face’s keywords, whatever the
        case, plurals and simple inflections included (“diffusion model” also finds “Diffusion Models”).
      </p>
      <textarea
        id="watched-topics"
        ref={area}
        rows={6}
        value={text}
        aria-describedby="watched-topics-hint"
        placeholder={'diffusion models\nmixture of experts\nprotein folding'}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(value), 500);
        }}
        onBlur={(event) => save((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {rejected.length > 0 && (
        <ul class="field-error" role="alert" aria-label="Lines not used">
          {rejected.map(({ line, reason }) => (
            <li key={line}>
              “{line}”: {REASONS[reason]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
