import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of a messages.json, as Chrome and Firefox read it. */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export const MESSAGES_PATH = join(__dirname, '../../../public/_locales/en/messages.json');

export function readMessages(path = MESSAGES_PATH): Record<string, MessageEntry> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, MessageEntry>;
}

/**
 * `i18n.getMessage` as the browsers implement it, for WXT's fake browser (which has none): message
 * names and placeholder names are case-insensitive; `$name$` is replaced by its placeholder's
 * content, then `$1`…`$9` by the substitutions (a missing one by nothing) and `$$` by `$`, in one
 * pass, so a substituted value is never read again. An unknown name gives ''.
 */
export function createGetMessage(messages: Record<string, MessageEntry>) {
  const byName = new Map(Object.entries(messages).map(([name, entry]) => [name.toLowerCase(), entry]));
  return (name: string, substitutions?: string | string[]): string => {
    if (name === '@@ui_locale') return 'en';
    if (name === '@@bidi_dir') return 'ltr';
    const entry = byName.get(name.toLowerCase());
    if (!entry) return '';
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([key, value]) => [key.toLowerCase(), value.content]),
    );
    // Placeholders first (their content may hold $1…), leaving $$ for the second pass.
    const template = entry.message.replace(/\$\$|\$([a-zA-Z0-9_@]+)\$/g, (match, placeholder?: string) =>
      placeholder === undefined ? match : (placeholders.get(placeholder.toLowerCase()) ?? match),
    );
    const values =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return template.replace(/\$(\$|[1-9])/g, (_, what: string) =>
      what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
    );
  };
}
