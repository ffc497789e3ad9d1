import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMatchedBy } from '../../cases/match-pattern';
import { EXTENSION_DIR } from './extension';

/** The built manifest's content-script match patterns: where the browser really injects. */
export function builtContentScriptMatches(extensionDir = EXTENSION_DIR): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[] }[];
  };
  return (manifest.content_scripts ?? []).flatMap((script) => script.matches);
}

export function isInjected(url: string, matches = builtContentScriptMatches()): boolean {
  return isMatchedBy(matches, url);
}
