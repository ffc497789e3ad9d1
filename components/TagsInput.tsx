import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTags, parseTags, sameTags } from '@/lib/library/bookmark-tags';
import { t } from '@/lib/i18n';

export interface TagsInputProps {
  tags: readonly string[];
  /** The paper's title, to name the field for screen readers among many rows. */
  title: string;
  /** Resolves once the worker stored the tags; rejects with what went wrong. */
  onSave: (tags: string[]) => Promise<void>;
}

/** Comma-separated tags, saved on blur or Enter, then shown as they were stored (trimmed, deduplicated). */
export function TagsInput({ tags, title, onSave }: TagsInputProps) {
  const [text, setText] = useState(formatTags(tags));
  const [failure, setFailure] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // Tags changed elsewhere (an import, another window) show up unless the user is editing them.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(formatTags(tags));
  }, [tags]);

  function save() {
    const parsed = parseTags(text);
    setText(formatTags(parsed));
    if (sameTags(parsed, tags)) return;
    onSave(parsed).then(
      () => setFailure(null),
      (error: Error) => setFailure(t('tagsNotSaved', error.message)),
    );
  }

  return (
    <div class="tags-field">
      <label class="field">
        <span class="field-label">{t('tagsLabel')}</span>
        <input
          ref={input}
          type="text"
          value={text}
          placeholder={t('tagsPlaceholder')}
          aria-label={t('tagsFieldLabel', title)}
          onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            save();
          }}
          aria-invalid={failure ? 'true' : undefined}
        />
      </label>
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
