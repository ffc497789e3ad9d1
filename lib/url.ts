/** Only `http:`/`https:` URLs are ever linked; user-entered strings can be anything. */
export function isHttpUrl(value: string | undefined | null): value is string {
  if (!value) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function huggingFacePaperUrl(arxivId: string): string {
  return `https://huggingface.co/papers/${encodeURIComponent(arxivId)}`;
}
