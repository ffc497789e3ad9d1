import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../tests/e2e/support/extension';
import { BUDGETS } from './budgets';
import { peerContenders, readManifest } from './browsers';
import { kb, writeResult, type Check } from './results';

/**
 * What a page and the popup download and parse: the content script, and the JavaScript popup.html
 * loads before anything can paint (its entry module and what that imports statically, found from the
 * built HTML and JS). The build minifies (WXT, production mode), so the file as built is the
 * minified size; gzip is level 9. Peers ship unminified scripts, so theirs are also minified here
 * with esbuild to compare like with like.
 */

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** `import … from "x"`, `import "x"`, `export … from "x"` (not `import("x")`, which loads later). */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g;

/** The module scripts and modulepreloads of an HTML page, with everything they import statically. */
export function initialScripts(root: string, htmlFile: string): string[] {
  const html = readFileSync(join(root, htmlFile), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1]!);
  const seen = new Set<string>();
  const visit = (path: string) => {
    const normalized = posix.normalize(path.replace(/^\//, ''));
    if (seen.has(normalized)) return;
    seen.add(normalized);
    const code = readFileSync(join(root, normalized), 'utf8');
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) {
      visit(specifier!.startsWith('/') ? specifier! : posix.join(dirname(normalized), specifier!));
    }
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

test('sizes: content scripts and the popup’s initial JavaScript', async () => {
  // Every content script the manifest declares (arXiv's, and every other site's): a page loads one.
  const contentScripts = (readManifest(EXTENSION_DIR).content_scripts ?? [])
    .flatMap((script) => script.js ?? [])
    .map((file) => ({ file, bytes: readFileSync(join(EXTENSION_DIR, file)) }));
  const popupFiles = initialScripts(EXTENSION_DIR, 'popup.html');
  const popupBytes = popupFiles.map((file) => readFileSync(join(EXTENSION_DIR, file)));
  const popupRaw = popupBytes.reduce((sum, bytes) => sum + bytes.length, 0);
  const popupGz = gzipped(Buffer.concat(popupBytes));

  const rows = [
    ...contentScripts.map(({ file, bytes }) => [
      `PaperPulse content script (${file})`,
      kb(bytes.length),
      kb(gzipped(bytes)),
    ]),
    [`PaperPulse popup, initial JavaScript (${popupFiles.join(', ')})`, kb(popupRaw), kb(popupGz)],
  ];
  const peers: Record<string, unknown> = {};
  for (const peer of peerContenders()) {
    const files = (readManifest(peer.extensionDir!).content_scripts ?? []).flatMap(
      (script) => script.js ?? [],
    );
    const code = Buffer.concat(files.map((file) => readFileSync(join(peer.extensionDir!, file))));
    let minified: Buffer | undefined;
    try {
      const { transform } = await import('esbuild');
      minified = Buffer.from((await transform(code.toString('utf8'), { minify: true })).code);
    } catch {
      // esbuild comes with the build tools; without it, the shipped size alone
    }
    rows.push([
      `${peer.label} content script (${files.join(', ')}), as shipped / minified with esbuild`,
      `${kb(code.length)}${minified ? ` / ${kb(minified.length)}` : ''}`,
      `${kb(gzipped(code))}${minified ? ` / ${kb(gzipped(minified))}` : ''}`,
    ]);
    peers[peer.label] = { files, bytes: code.length, gzipped: gzipped(code), minified: minified?.length };
  }

  const checks: Check[] = contentScripts.flatMap(({ file, bytes }) => [
    {
      figure: `content script ${file}, minified`,
      measured: `${kb(bytes.length)} (${bytes.length.toLocaleString('en-US')} B)`,
      budget: `≤ ${kb(BUDGETS.contentScriptMinifiedBytes)}`,
      ok: bytes.length <= BUDGETS.contentScriptMinifiedBytes,
    },
    {
      figure: `content script ${file}, gzipped`,
      measured: `${kb(gzipped(bytes))} (${gzipped(bytes).toLocaleString('en-US')} B)`,
      budget: `≤ ${kb(BUDGETS.contentScriptGzippedBytes)}`,
      ok: gzipped(bytes) <= BUDGETS.contentScriptGzippedBytes,
    },
  ]);
  writeResult('sizes', {
    tables: [
      {
        order: 10,
        title: 'Size',
        note:
          'As built by `wxt build` (minified); gzip level 9. The popup’s initial JavaScript is what popup.html ' +
          'loads before its first paint can happen: its entry module and static imports (the first screen’s ' +
          'own chunks are dynamic imports; the popup table lists what was fetched before the first row).',
        columns: ['file', 'minified', 'gzipped'],
        rows,
      },
    ],
    checks,
    data: {
      contentScripts: Object.fromEntries(
        contentScripts.map(({ file, bytes }) => [file, { bytes: bytes.length, gzipped: gzipped(bytes) }]),
      ),
      popupInitial: { files: popupFiles, bytes: popupRaw, gzipped: popupGz },
      peers,
    },
  });
});
