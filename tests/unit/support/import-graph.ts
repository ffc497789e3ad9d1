import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

/** A file's value imports (type-only imports are erased by the compiler and cost nothing). */
export function valueImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  const statement = /^(import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const [, , typeOnly, clause, specifier] of source.matchAll(statement)) {
    if (typeOnly) continue;
    // `import { type A, type B } from …` is type-only too.
    const named = /^\{([^}]*)\}$/.exec(clause?.trim() ?? '');
    if (named && named[1]!.split(',').every((part) => /^\s*(type\s|$)/.test(part))) continue;
    specifiers.push(specifier!);
  }
  for (const [, specifier] of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g))
    specifiers.push(specifier!);
  for (const [, pattern] of source.matchAll(/import\.meta\.glob[^(]*\(\s*\[?\s*['"]([^'"]+)['"]/g)) {
    specifiers.push(`glob:${pattern}`);
  }
  return specifiers;
}

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''];

/** The project file a specifier names, or the package name for bare specifiers. */
export function resolveImport(from: string, specifier: string): string {
  if (specifier.startsWith('glob:')) return specifier;
  let base: string;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else
    return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  for (const extension of EXTENSIONS) {
    const path = base + extension;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
}

/** Every project file and package reachable by value imports from `entry` (globs expanded to their folder). */
export function reachable(
  entry: string,
  expandGlob: (from: string, pattern: string) => string[],
  aliases: Record<string, string> = {},
): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('/')) continue;
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('glob:')) queue.push(...expandGlob(file, specifier.slice(5)));
      else queue.push(aliases[specifier] ? join(ROOT, aliases[specifier]) : resolveImport(file, specifier));
    }
  }
  return seen;
}

export const relativeToRoot = (path: string) => (path.startsWith('/') ? relative(ROOT, path) : path);
