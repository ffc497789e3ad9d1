export const WAIT_TIMEOUT_MS = 15_000;

/**
 * Reads `read()` every 100 ms until `done(value)`, and returns that value; on timeout, fails with
 * what it was waiting for and the last value seen. A failing `read` fails at once.
 */
export async function waitFor<T, U extends T>(
  read: () => Promise<T>,
  done: (value: T) => value is U,
  what: string,
  timeoutMs?: number,
): Promise<U>;
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<T>;
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = WAIT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(value)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
