import type { FakeHuggingFace } from '../../tests/e2e/support/hf-server';

/** Resolves once the Hugging Face stand-in has had no request for `quietMs` (a refresh is over). */
export async function untilQuiet(hf: FakeHuggingFace, quietMs = 1500, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = hf.requests.length;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error('the worker kept asking the feed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (hf.requests.length !== seen) {
      seen = hf.requests.length;
      since = Date.now();
    }
  }
}
