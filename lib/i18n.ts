import type messages from '../public/_locales/en/messages.json';

/**
 * The extension pages' and the worker's words, read from public/_locales (the browser picks the
 * user's language, English otherwise). A key that is not in the English messages.json is a type
 * error. No webextension-polyfill here: the import Worker (lib/library/import/parse-worker.ts)
 * imports this file too, and has no extension API; there the page hands it the messages it needs
 * (`installMessages`).
 */
export type MessageKey = keyof typeof messages;

/** Keys that come as `<base>_one`, `<base>_other` (and any other plural category a language has). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

export type Substitution = string | number;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

/** Messages as templates ($1…$9 left in), for a context without the extension API. */
export type MessageTable = Partial<Record<MessageKey, string>>;

let table: MessageTable | undefined;

function api(): I18nApi | undefined {
  const scope = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return scope.chrome?.i18n ?? scope.browser?.i18n;
}

/** Fills a template's $1…$9 as chrome.i18n does ($$ is a dollar sign). */
function fill(template: string, substitutions: readonly string[]): string {
  return template.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (substitutions[Number(what) - 1] ?? ''),
  );
}

function message(key: string, substitutions: string[]): string {
  if (table) return fill(table[key as MessageKey] ?? '', substitutions);
  return api()?.getMessage(key, substitutions) ?? '';
}

/** The message `key` with its placeholders filled in order; the key itself if it is missing. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  return message(key, substitutions.map(String)) || key;
}

/** The language the messages are in (`messagesLocale`, "pt_BR" as "pt-BR"), for `<html lang>`. */
export function messagesLanguage(): string {
  return message('messagesLocale', []).replace('_', '-') || 'en';
}

type PluralRule = (count: number) => string;

let plurals: PluralRule | undefined;

/**
 * English's rule for whole counts, without ICU: making an `Intl.PluralRules` costs a paper page
 * about half a millisecond, and the card and chips speak English unless translated.
 */
const english: PluralRule = (count) => (count === 1 ? 'one' : 'other');

/** The plural rules of the language the messages are in, not of the browser's UI. */
function pluralRules(): PluralRule {
  if (!plurals) {
    const language = messagesLanguage();
    if (language === 'en') plurals = english;
    else {
      let rules: Intl.PluralRules;
      try {
        rules = new Intl.PluralRules(language);
      } catch {
        rules = new Intl.PluralRules('en');
      }
      plurals = (count) => rules.select(count);
    }
  }
  return plurals;
}

/**
 * The plural form of `base` for `count` (`bookmarkCount_one`, `bookmarkCount_other`…), falling back
 * on `_other` when a language's category has no message. Substitutions default to the count.
 */
export function tp(base: PluralKey, count: number, ...substitutions: Substitution[]): string {
  const values = (substitutions.length ? substitutions : [count]).map(String);
  const category = pluralRules()(count);
  return message(`${base}_${category}`, values) || message(`${base}_other`, values) || `${base}_other`;
}

const MARK = (index: number) => String.fromCharCode(0xe000 + index);

/**
 * A message with elements in it ("Updated <time>5 minutes ago</time>"): the text around each part,
 * and the parts where the translation puts them. Strings and numbers are substituted as with `t`.
 */
export function tParts<T>(key: MessageKey, ...parts: (Substitution | T)[]): (string | T)[] {
  const text = t(key, ...parts.map((part, index) => (isSubstitution(part) ? part : MARK(index))));
  const out: (string | T)[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const index = text.charCodeAt(i) - 0xe000;
    if (index < 0 || index >= parts.length || isSubstitution(parts[index])) continue;
    if (i > start) out.push(text.slice(start, i));
    out.push(parts[index] as T);
    start = i + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function isSubstitution(part: unknown): part is Substitution {
  return typeof part === 'string' || typeof part === 'number';
}

/**
 * The templates of `keys` ($1…$9 left in), read where the extension API is, for a Worker that has
 * none: hand them to `installMessages` there.
 */
export function messageTable(keys: readonly MessageKey[]): MessageTable {
  const placeholders = Array.from({ length: 9 }, (_, index) => `$${index + 1}`);
  return Object.fromEntries(keys.map((key) => [key, api()?.getMessage(key, placeholders) ?? '']));
}

/** In a Worker: read messages from `messages` (made by `messageTable`) instead of the extension API. */
export function installMessages(messages: MessageTable): void {
  table = messages;
  plurals = undefined;
}
