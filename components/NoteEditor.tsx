import { LIMITS } from '@/lib/limits';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDebouncedCallback } from '@/lib/hooks/use-debounced-callback';

export interface NoteEditorProps {
  note: string;
  title: string;
  onSave: (note: string) => void;
}

/**
 * A note saved while the user types (debounced, so each keystroke is not a write) and on blur.
 * The textarea keeps its own text: the saved value coming back from the database never replaces
 * what is being typed.
 */
export function NoteEditor({ note, title, onSave }: NoteEditorProps) {
  const [text, setText] = useState(note);
  const area = useRef<HTMLTextAreaElement>(null);
  const saved = useRef(note);
  const save = (value: string) => {
    if (value === saved.current) return;
    saved.current = value;
    onSave(value);
  };
  const debounced = useDebouncedCallback(save, 400);

  useEffect(() => {
    if (document.activeElement === area.current || debounced.isPending()) return;
    saved.current = note;
    setText(note);
  }, [note]);

  return (
    <label class="field">
      <span class="field-label">Note</span>
      <textarea
        ref={area}
        rows={4}
        value={text}
        maxLength={LIMITS.noteLength}
        aria-label={`Note on ${title}`}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          debounced.schedule(value);
        }}
        onBlur={() => {
          debounced.flush();
          save(text);
        }}
      />
    </label>
  );
}
