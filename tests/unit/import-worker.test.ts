import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../lib/library/import';
import { parseOffThread, type ParsePort, type ParseRequest } from '../../lib/library/import/off-thread';
import { readImportFile } from '../../lib/library/import/read-file';
import { IMPORT_LIMITS } from '../../lib/limits';
import { reachable, relativeToRoot } from './support/import-graph';

/**
 * The popup hands a chosen file to a Worker and waits at most IMPORT_LIMITS.seconds. The Worker
 * itself is exercised in the browser (tests/e2e/import-hostile.spec.ts); here, what the popup does
 * with whatever the Worker does, through the small port it is given.
 */

/** A port whose Worker does what the test says, and records what the popup did with it. */
function port(behaviour: (request: ParseRequest, self: ParsePort) => void) {
  const calls = { posted: 0, terminated: 0 };
  const self: ParsePort = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      calls.posted++;
      behaviour(request, self);
    },
    terminate() {
      calls.terminated++;
    },
  };
  return { self, calls };
}

const file = { name: 'a.bib', size: 10, text: async () => '@misc{k, title = {T}}' };
const answer: ImportResult = { ok: true, format: 'bibtex', candidates: [], invalid: [] };

afterEach(() => {
  vi.useRealTimers();
});

describe('parseOffThread', () => {
  it('returns what the Worker answers, then stops it', async () => {
    const { self, calls } = port((request, worker) => {
      // With the messages the Worker may say, as templates: it has no extension API to read them.
      expect(request).toEqual({ file, now: 5, messages: expect.any(Object) });
      expect(request.messages.importEmpty).toBe('This file is empty.');
      expect(request.messages.importTooLarge).toBe(
        'This file is too large to import ($1 MB; the limit is $2 MB).',
      );
      queueMicrotask(() => worker.onmessage?.({ data: answer } as MessageEvent<ImportResult>));
    });
    await expect(parseOffThread(file, 5, { start: () => self })).resolves.toEqual(answer);
    expect(calls).toEqual({ posted: 1, terminated: 1 });
  });

  it('stops a Worker that takes too long, and says so', async () => {
    vi.useFakeTimers();
    const { self, calls } = port(() => undefined);
    const result = parseOffThread(file, 5, { start: () => self });
    await vi.advanceTimersByTimeAsync(IMPORT_LIMITS.seconds * 1000 - 1);
    expect(calls.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({
      ok: false,
      error: `This file took too long to read (over ${IMPORT_LIMITS.seconds} s); nothing was imported.`,
    });
    expect(calls.terminated).toBe(1);
    // A late answer changes nothing.
    self.onmessage?.({ data: answer } as MessageEvent<ImportResult>);
    expect(calls.terminated).toBe(1);
  });

  it('reports a Worker that fails, or cannot start', async () => {
    const { self, calls } = port((_, worker) =>
      worker.onerror?.({ message: 'SyntaxError', preventDefault() {} } as ErrorEvent),
    );
    await expect(parseOffThread(file, 5, { start: () => self })).resolves.toEqual({
      ok: false,
      error: 'This file could not be read (SyntaxError).',
    });
    expect(calls.terminated).toBe(1);
    const noWorker = () => {
      throw new Error('Worker is not defined');
    };
    await expect(parseOffThread(file, 5, { start: noWorker })).resolves.toEqual({
      ok: false,
      error: 'This file could not be read (Worker is not defined).',
    });
  });
});

describe('readImportFile', () => {
  it('refuses a 50 MB file by its size, without reading it', async () => {
    const text = vi.fn(async () => '');
    const result = await readImportFile({ name: 'big.bib', size: 50 * 1024 * 1024, text }, 0);
    expect(result).toEqual({
      ok: false,
      error: 'This file is too large to import (50.0 MB; the limit is 20 MB).',
    });
    expect(text).not.toHaveBeenCalled();
  });
});

describe('where the parsers run', () => {
  // lib/sites/index.ts globs its own folder.
  const expandGlob = (from: string) =>
    readdirSync(dirname(from))
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && name !== 'types.ts')
      .map((name) => join(dirname(from), name));
  const closure = (entry: string) => [...reachable(entry, expandGlob)].map(relativeToRoot);

  it('the popup never loads the BibTeX parser, its Worker does', () => {
    expect(closure('entrypoints/popup/main.ts')).not.toContain('@retorquere/bibtex-parser');
    expect(closure('entrypoints/popup/main.ts')).toContain('lib/library/import/off-thread.ts');
    expect(closure('lib/library/import/parse-worker.ts')).toContain('@retorquere/bibtex-parser');
  });
});
