/** The URL, when it is an `http:`/`https:` one; null otherwise. The one place that rule is written. */
export function parseHttpUrl(value: string | undefined | null): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Only `http:`/`https:` URLs are ever linked; user-entered strings can be anything. */
export function isHttpUrl(value: string | undefined | null): value is string {
  return parseHttpUrl(value) !== null;
}

export function huggingFacePaperUrl(arxivId: string): string {
  return `https://huggingface.co/papers/${encodeURIComponent(arxivId)}`;
}
