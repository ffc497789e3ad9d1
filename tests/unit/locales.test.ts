// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { MENU_TITLE } from '@/lib/worker/context-menu';
import { installMessages, messageTable, t, tp, tParts } from '@/lib/i18n';
import { IMPORT_WORKER_MESSAGES } from '@/lib/library/import/worker-messages';
import { CARD_WORDS } from '@/lib/messaging/card-words';
import { createGetMessage, readMessages } from './support/fake-i18n';
import { reachable } from './support/import-graph';

/**
 * public/_locales/en/messages.json holds every word the extension's pages, the worker and the
 * manifest show (the content script's card is English by design and has its own budget). These
 * tests keep code and messages in step: no key used that is missing, none kept that is unused,
 * every entry described for translators and valid for Chrome and Firefox.
 */
const ROOT = join(__dirname, '../..');
const MESSAGES = readMessages();
const KEYS = new Set(Object.keys(MESSAGES));
/** Plural families: `bookmarkCount` for `bookmarkCount_one` and `bookmarkCount_other`. */
const PLURAL_BASES = new Set(
  [...KEYS].filter((key) => key.endsWith('_other')).map((key) => key.slice(0, -'_other'.length)),
);
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

const SOURCES = ['lib', 'components', 'entrypoints']
  .flatMap(sourceFiles)
  .map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
const CONFIG_SOURCES = ['wxt.config.ts', 'lib/worker/commands.ts'].map((file) =>
  readFileSync(join(ROOT, file), 'utf8'),
);

/** The keys a source names as string literals ('statusUpdated'), plural bases expanded to their forms. */
function keysNamedIn(text: string): Set<string> {
  const named = new Set<string>();
  for (const [, literal] of text.matchAll(/'([A-Za-z0-9_@]+)'/g)) {
    if (KEYS.has(literal!)) named.add(literal!);
    if (PLURAL_BASES.has(literal!)) {
      for (const category of PLURAL_CATEGORIES)
        if (KEYS.has(`${literal}_${category}`)) named.add(`${literal}_${category}`);
    }
  }
  return named;
}

/** Placeholder names a message uses ($COUNT$), lower-cased as browsers compare them. */
function placeholdersUsed(message: string): string[] {
  return [...message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) =>
    match[1]!.toLowerCase(),
  );
}

describe('_locales/en and the manifest', () => {
  function manifestPlaceholders(value: unknown): string[] {
    if (typeof value === 'string') return [...value.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    if (Array.isArray(value)) return value.flatMap(manifestPlaceholders);
    if (value && typeof value === 'object') return Object.values(value).flatMap(manifestPlaceholders);
    return [];
  }
  const manifestOf = (browser: string) =>
    (config.manifest as (env: { browser: string }) => Record<string, unknown>)({ browser });

  it.each(['chrome', 'firefox'])(
    'has every message the %s manifest names, and says what each is for',
    (browser) => {
      const manifest = manifestOf(browser);
      expect(manifest.default_locale).toBe('en');
      const names = manifestPlaceholders(manifest);
      expect(names).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandToggleBookmark']));
      for (const name of names) {
        expect(MESSAGES[name]?.message, name).toMatch(/\S/);
        expect(MESSAGES[name]?.description, name).toMatch(/\S/);
      }
    },
  );

  it('keeps the store description within the 132 characters Chrome allows', () => {
    expect(MESSAGES.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('gives the context menu the English title the code falls back on', () => {
    expect(MESSAGES.menuBookmark!.message).toBe(MENU_TITLE);
  });
});

describe('_locales/en/messages.json', () => {
  it('names every key as Chrome accepts it ([A-Za-z0-9_@], not the reserved @@)', () => {
    for (const key of KEYS) {
      expect(key, key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(key, key).not.toMatch(/^@@/);
    }
    // Names are case-insensitive in browsers: two that differ only in case would collide.
    expect(new Set([...KEYS].map((key) => key.toLowerCase())).size).toBe(KEYS.size);
  });

  it('gives every entry a message and a description for translators', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message, key).toMatch(/\S/);
      expect(entry.description, key).toMatch(/\S/);
      expect(
        Object.keys(entry).filter((field) => !['message', 'description', 'placeholders'].includes(field)),
      ).toEqual([]);
    }
  });

  it('defines every placeholder a message uses, and uses every one it defines', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      const defined = Object.keys(entry.placeholders ?? {});
      for (const name of defined) {
        expect(name, `${key}: ${name}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(entry.placeholders![name]!.content, `${key}: ${name}`).toMatch(/^\$[1-9]$/);
      }
      const lower = defined.map((name) => name.toLowerCase());
      const used = placeholdersUsed(entry.message);
      for (const name of used) expect(lower, `${key} uses $${name}$`).toContain(name);
      for (const name of lower) expect(used, `${key} defines ${name}`).toContain(name);
      // $1…$9 go through placeholders, so that translators see names, not positions.
      expect(entry.message.replace(/\$\$/g, ''), key).not.toMatch(/\$[1-9]/);
    }
  });

  it('gives each plural family an _other form, and the same placeholders in every form', () => {
    for (const key of KEYS) {
      const match = /^(.+)_(zero|one|two|few|many)$/.exec(key);
      if (!match) continue;
      expect(KEYS.has(`${match[1]}_other`), key).toBe(true);
      expect(Object.keys(MESSAGES[key]!.placeholders ?? {}), key).toEqual(
        Object.keys(MESSAGES[`${match[1]}_other`]!.placeholders ?? {}),
      );
    }
  });

  it('names its own language in messagesLocale (plural rules follow it)', () => {
    expect(MESSAGES.messagesLocale!.message).toBe('en');
  });
});

describe('messages and the code', () => {
  it('has every key the code asks for: t(…), tp(…) and tParts(…) name existing messages', () => {
    const missing: string[] = [];
    for (const { file, text } of SOURCES) {
      for (const [, fn, key] of text.matchAll(/\b(t|tp|tParts)\(\s*'([^']*)'/g)) {
        const exists = fn === 'tp' ? PLURAL_BASES.has(key!) : KEYS.has(key!);
        if (!exists) missing.push(`${file}: ${fn}('${key}')`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps no message the code and the manifest never name', () => {
    const named = new Set<string>();
    for (const text of [...SOURCES.map((source) => source.text), ...CONFIG_SOURCES]) {
      for (const key of keysNamedIn(text)) named.add(key);
      for (const [, key] of text.matchAll(/__MSG_(\w+)__/g)) named.add(key!);
    }
    expect([...KEYS].filter((key) => !named.has(key))).toEqual([]);
  });

  it('sends the content scripts every message their card and chips can say', () => {
    const files = [
      ...readdirSync(join(ROOT, 'lib/content')).map((name) => `lib/content/${name}`),
      'lib/i18n.ts',
    ];
    const used = new Set(files.flatMap((file) => [...keysNamedIn(readFileSync(join(ROOT, file), 'utf8'))]));
    // `document.readyState == 'loading'` (lib/content/start.ts) names a state, not the message.
    used.delete('loading');
    expect([...CARD_WORDS].sort()).toEqual([...used].sort());
  });

  it('posts the import Worker every message its code can say', () => {
    const files = [...reachable('lib/library/import/parse-worker.ts', () => [])].filter((file) =>
      file.startsWith('/'),
    );
    const used = new Set(files.flatMap((file) => [...keysNamedIn(readFileSync(file, 'utf8'))]));
    expect([...IMPORT_WORKER_MESSAGES].sort()).toEqual([...used].sort());
  });
});

describe('the unit tests’ getMessage', () => {
  const getMessage = createGetMessage({
    sample: {
      message: 'Costs $$5: $WHO$ owes $AMOUNT$ ($1 again)',
      description: 'test',
      placeholders: { who: { content: '$2' }, amount: { content: '$1' } },
    },
    Plain: { message: 'No placeholders', description: 'test' },
  });

  it('substitutes as Chrome does: placeholders by name, their $n in order, $$ as one dollar', () => {
    expect(getMessage('sample', ['€3', 'Ada'])).toBe('Costs $5: Ada owes €3 (€3 again)');
    // A substituted value is not read again, and a missing one is empty.
    expect(getMessage('sample', ['$2', '$$'])).toBe('Costs $5: $$ owes $2 ($2 again)');
    expect(getMessage('sample', ['€3'])).toBe('Costs $5:  owes €3 (€3 again)');
    // Names are case-insensitive; an unknown one gives ''.
    expect(getMessage('plain')).toBe('No placeholders');
    expect(getMessage('nope')).toBe('');
  });

  it('reads the real entries as a browser would', () => {
    const real = createGetMessage(MESSAGES);
    expect(real('statusUpdated', ['5 minutes ago'])).toBe('Updated 5 minutes ago');
    expect(real('bookmarksListLabelFiltered', ['3', '10'])).toBe('Bookmarks, 3 of 10 shown');
    expect(real('versionDismissLabel', ['v3 available', 'Attention'])).toBe(
      'Dismiss “v3 available” for Attention',
    );
  });
});

describe('lib/i18n', () => {
  it('fills placeholders in order, and falls back on the key when a message is missing', () => {
    expect(t('feedHttp', 503)).toBe('Hugging Face answered 503');
    expect(t('nope' as 'feedHttp')).toBe('nope');
  });

  it('picks the plural form by count (English: one and other)', () => {
    expect(tp('bookmarkCount', 1)).toBe('1 bookmark');
    expect(tp('bookmarkCount', 0)).toBe('0 bookmarks');
    expect(tp('bookmarkCount', 1200, '1,200')).toBe('1,200 bookmarks');
  });

  it('puts elements where the message puts their placeholder', () => {
    const element = { element: true };
    expect(tParts('statusUpdated', element)).toEqual(['Updated ', element]);
    expect(tParts('importCountExisting', element)).toEqual([element, ' already there']);
    expect(tParts('trendingWeekTo', 'Fri 25 Oct')).toEqual(['Week to Fri 25 Oct']);
  });

  it('reads a table of templates where there is no extension API (the import Worker)', async () => {
    const table = messageTable(['importTooLarge', 'messagesLocale']);
    expect(table).toEqual({
      importTooLarge: 'This file is too large to import ($1 MB; the limit is $2 MB).',
      messagesLocale: 'en',
    });
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('@/lib/i18n');
    vi.stubGlobal('chrome', undefined);
    vi.stubGlobal('browser', undefined);
    fresh.installMessages(table);
    expect(fresh.t('importTooLarge', '50.0', 20)).toBe(
      'This file is too large to import (50.0 MB; the limit is 20 MB).',
    );
    expect(fresh.t('importEmpty')).toBe('importEmpty');
    expect(installMessages).toBeTypeOf('function');
  });
});

/**
 * English must not creep back into the pages: JSX text, and strings shown through text attributes
 * and props, come from t(…). Names that are the same in every language are allowed.
 */
describe('the pages’ JSX', () => {
  const ALLOWED = new Set(['PaperPulse', 'arXiv', 'PDF', 'Hugging Face']);
  const TEXT_PROPS = new Set([
    'aria-label',
    'title',
    'placeholder',
    'alt',
    'label',
    'legend',
    'confirmLabel',
    'openLabel',
    'closeLabel',
    'message',
  ]);
  const files = [
    ...sourceFiles('components'),
    ...['popup', 'options', 'digest'].flatMap((page) => sourceFiles(join('entrypoints', page))),
  ].filter((file) => file.endsWith('.tsx'));

  function englishIn(file: string): string[] {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const flag = (value: string, node: ts.Node) => {
      const trimmed = value.trim();
      if (/[A-Za-z]/.test(trimmed) && !ALLOWED.has(trimmed)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(ROOT, join(ROOT, file))}:${line + 1}: ${trimmed}`);
      }
    };
    /** Strings in an expression that end up as text (not a call's arguments, not a key). */
    const visitShown = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) return;
      if (ts.isBinaryExpression(node) && /[=!]==?/.test(node.operatorToken.getText())) return;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return flag(node.text, node);
      if (ts.isTemplateExpression(node)) {
        flag(node.head.text, node);
        for (const span of node.templateSpans) flag(span.literal.text, span);
      }
      if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node))
        return visit(node);
      ts.forEachChild(node, visitShown);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) flag(node.text, node);
      else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
        return visitShown(node.expression);
      } else if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText()) && node.initializer) {
        const value = node.initializer;
        if (ts.isStringLiteral(value)) flag(value.text, value);
        else if (ts.isJsxExpression(value) && value.expression) visitShown(value.expression);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('shows no English outside t(…) in components/ and the popup, options and digest pages', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap(englishIn)).toEqual([]);
  });
});
