/**
 * Note text the worker could not save (storage full, the bookmark removed meanwhile, the worker
 * gone): kept in the extension's localStorage until a save succeeds, so it survives the popup
 * closing and is offered again when the note is next opened.
 */
const PREFIX = 'paperpulse:note-draft:';

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function noteDrafts(store: DraftStore = localStorage) {
  return {
    get: (bookmarkKey: string): string | undefined => {
      try {
        return store.getItem(PREFIX + bookmarkKey) ?? undefined;
      } catch {
        return undefined;
      }
    },
    keep: (bookmarkKey: string, text: string): void => {
      try {
        store.setItem(PREFIX + bookmarkKey, text);
      } catch {
        // localStorage full or off: the text is still in the open editor.
      }
    },
    clear: (bookmarkKey: string): void => {
      try {
        store.removeItem(PREFIX + bookmarkKey);
      } catch {
        // Nothing to clear.
      }
    },
  };
}
