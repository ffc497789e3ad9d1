import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '@/lib/limits';
import { useDebouncedCallback } from '@/lib/hooks/use-debounced-callback';
import { noteDrafts } from '@/lib/library/note-drafts';
import { t } from '@/lib/i18n';

export interface NoteEditorProps {
  /** The bookmark's key: unsaved text is kept under it. */
  bookmarkKey: string;
  note: string;
  title: string;
  /** Resolves once the worker stored the note; rejects with what went wrong. */
  onSave: (note: string) => Promise<void>;
}

const drafts = noteDrafts();

/**
 * A note saved while the user types (debounced, so each keystroke is not a write) and on blur.
 * The textarea keeps its own text: the saved value coming back from the database never replaces
 * what is being typed. A failed save says so, keeps the text (also across the popup closing) and
 * offers to try again.
 */
export function NoteEditor({ bookmarkKey, note, title, onSave }: NoteEditorProps) {
  const draft = drafts.get(bookmarkKey);
  const [text, setText] = useState(draft ?? note);
  const [failure, setFailure] = useState<string | null>(
    draft !== undefined && draft !== note ? t('noteNotSavedLastTime') : null,
  );
  const area = useRef<HTMLTextAreaElement>(null);
  const saved = useRef(draft !== undefined && draft !== note ? null : note);
  const save = (value: string) => {
    if (value === saved.current) return;
    saved.current = value;
    onSave(value).then(
      () => {
        drafts.clear(bookmarkKey);
        setFailure(null);
      },
      (error: Error) => {
        saved.current = null;
        drafts.keep(bookmarkKey, value);
        setFailure(t('noteNotSaved', error.message));
      },
    );
  };
  const debounced = useDebouncedCallback(save, 400);

  useEffect(() => {
    if (document.activeElement === area.current || debounced.isPending() || saved.current === null) return;
    saved.current = note;
    setText(note);
  }, [note]);

  return (
    <div class="note-field">
      <label class="field">
        <span class="field-label">{t('noteLabel')}</span>
        <textarea
          ref={area}
          rows={4}
          value={text}
          maxLength={LIMITS.noteLength}
          aria-label={t('noteFieldLabel', title)}
          aria-invalid={failure ? 'true' : undefined}
          onInput={(event) => {
            const value = (event.currentTarget as HTMLTextAreaElement).value;
            setText(value);
            debounced.schedule(value);
          }}
          onBlur={(event) => {
            debounced.flush();
            // What is in the box now: a blur can come before the last keystroke's render.
            save((event.currentTarget as HTMLTextAreaElement).value);
          }}
        />
      </label>
      {failure && (
        <p class="field-error" role="alert">
          {failure} {t('noteKept')}{' '}
          <button type="button" class="text-button" onClick={() => save(text)}>
            {t('noteSaveAgain')}
          </button>
        </p>
      )}
    </div>
  );
}
