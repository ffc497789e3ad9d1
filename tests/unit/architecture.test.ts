import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, reachable, relativeToRoot, resolveImport, valueImports } from './support/import-graph';

/**
 * The layout's rules, checked on the import graph: folders say who runs the code, and arrows point
 * one way (README, "How it is built").
 */

/**
 * lib/sites/index.ts globs its own folder's descriptor files, entrypoints/paper.content all but
 * arXiv's and the apps': the files of the glob's folder, less those its `!` patterns leave out.
 */
function expandGlob(from: string, pattern: string): string[] {
  const dir = join(dirname(from), dirname(pattern));
  const left = new Set(
    [...readFileSync(from, 'utf8').matchAll(/'!([^']+)'/g)].map((m) => join(dirname(from), m[1]!)),
  );
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name))
    .filter((file) => !left.has(file));
}

const closure = (entry: string, aliases?: Record<string, string>) =>
  [...reachable(entry, expandGlob, aliases)].map(relativeToRoot);

function allFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? allFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Value imports of every file under `dir`, as [file, imported] pairs relative to the root. */
function edgesFrom(dir: string): [string, string][] {
  return allFiles(dir).flatMap((file) =>
    valueImports(join(ROOT, file))
      .filter((specifier) => !specifier.startsWith('glob:'))
      .map(
        (specifier) => [file, relativeToRoot(resolveImport(join(ROOT, file), specifier))] as [string, string],
      ),
  );
}

describe.each([
  ['arxiv', ['lib/sites/arxiv.ts']],
  ['apps', ['lib/sites/huggingface.ts', 'lib/sites/openreview.ts']],
  ['paper', ['lib/sites/acl.ts', 'lib/sites/biorxiv.ts']],
])('the %s content script', (name, sites) => {
  // wxt.config.ts gives content-script builds the browser's own API instead of the polyfill.
  const BROWSER = 'lib/content/browser.ts';
  const files = closure(`entrypoints/${name}.content/index.ts`, {
    'webextension-polyfill': BROWSER,
    'wxt/browser': BROWSER,
  });

  it('is built with the polyfill aliased away', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain(`./${BROWSER}`);
    expect(files).toContain(BROWSER);
  });

  it('reaches its site descriptors, the card and the message sender', () => {
    for (const site of sites) expect(files).toContain(site);
    expect(files).toContain('lib/content/paper-card.ts');
    expect(files).toContain('lib/messaging/send.ts');
  });

  it("carries no other content script's sites, nor the table of every site", () => {
    const descriptors = files.filter((file) => /^lib\/sites\/[^/]+\.ts$/.test(file));
    expect(descriptors).not.toContain('lib/sites/index.ts');
    if (name === 'arxiv') expect(descriptors.sort()).toEqual(['lib/sites/arxiv.ts', 'lib/sites/table.ts']);
    else expect(descriptors).not.toContain('lib/sites/arxiv.ts');
    if (name === 'paper') expect(descriptors).not.toContain('lib/sites/huggingface.ts');
    if (name === 'apps') expect(descriptors).not.toContain('lib/sites/acl.ts');
  });

  it.each(['zod', 'dexie', 'webextension-polyfill', 'preact'])('never loads %s', (name) => {
    expect(files).not.toContain(name);
  });

  it('opens no database and runs no worker or popup code', () => {
    expect(
      files.filter((file) => /^lib\/(storage|worker|popup|hooks|library|feed|related)\//.test(file)),
    ).toEqual([]);
  });
});

describe('arrows point one way', () => {
  const forbidden: [from: RegExp, to: RegExp, why: string][] = [
    [
      /^lib\/worker\//,
      /^(lib\/(content|popup|hooks)\/|components\/|entrypoints\/)/,
      'the worker runs no page or popup code',
    ],
    [
      /^lib\/content\//,
      /^lib\/(storage|worker|popup|hooks|library|feed|related)\//,
      'content scripts ask the worker',
    ],
    [/^lib\/(popup|hooks)\//, /^lib\/worker\//, 'the popup talks to the worker through lib/messaging'],
    [/^lib\/feed\//, /^lib\/(worker|popup|hooks|content)\//, 'the feed client only fetches and stores'],
    [
      /^lib\/(sites|paper)\//,
      /^lib\/(storage|worker|popup|hooks|content|feed|library)\//,
      'site knowledge is pure',
    ],
    [
      /^lib\/library\/import\//,
      /^lib\/library\/export\//,
      'import and export share lib/library/backup-format.ts',
    ],
    [/^components\//, /^lib\/(storage|worker)\/|dexie/, 'components take props and send events'],
    [/^(?!lib\/worker\/)/, /^lib\/storage\/bookmarks\.ts$/, 'the worker alone writes bookmarks'],
    [/^(?!lib\/worker\/)/, /^lib\/worker\/badge\.ts$/, 'the worker alone sets the badge'],
  ];
  const edges = [...edgesFrom('lib'), ...edgesFrom('components'), ...edgesFrom('entrypoints')];
  it.each(forbidden)('%s must not import %s (%s)', (from, to) => {
    expect(edges.filter(([file, imported]) => from.test(file) && to.test(imported))).toEqual([]);
  });
});

describe('the manifest', () => {
  it('asks, as optional, exactly the origins the any-site script registers for', async () => {
    const { ANY_SITE_ORIGINS } = await import('../../lib/sites/page/any-page');
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    for (const origin of ANY_SITE_ORIGINS) expect(config).toContain(`'${origin}'`);
  });
});

describe('lib/', () => {
  it('keeps at most ten files at its root', () => {
    const root = readdirSync(join(ROOT, 'lib'), { withFileTypes: true }).filter((entry) => entry.isFile());
    expect(root.length).toBeLessThanOrEqual(10);
  });
});
