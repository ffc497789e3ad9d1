/**
 * Would a WebExtension match pattern (`https://host/path*`, exact hosts only, as PaperPulse's are)
 * inject into this URL? Read by the unit tests (against lib/sites' derived matches) and the browser
 * tests (against the built manifest).
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const parsed = /^(https?):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (!parsed) throw new Error(`unsupported match pattern ${pattern}`);
  const [, scheme, host, path] = parsed as unknown as [string, string, string, string];
  const target = new URL(url);
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return (
    target.protocol === `${scheme}:` &&
    target.host === host &&
    new RegExp(`^${escaped}$`).test(target.pathname + target.search)
  );
}

export const isMatchedBy = (patterns: readonly string[], url: string) =>
  patterns.some((pattern) => matchesPattern(pattern, url));
