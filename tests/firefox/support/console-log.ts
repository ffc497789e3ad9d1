import type { Packet, RdpClient } from './rdp-client';
import { describeTarget, type Watcher } from './devtools';

/** One console message or page error, as the browser console would show it. */
export interface ConsoleEntry {
  /** The page or content script it came from. */
  source: string;
  level: string;
  text: string;
  /** `file:line`, when the browser knows it. */
  location: string;
}

interface ConsoleMessageResource {
  level: string;
  arguments?: unknown[];
  filename?: string;
  lineNumber?: number;
}

interface ErrorMessageResource {
  pageError: {
    errorMessage: unknown;
    sourceName?: string;
    lineNumber?: number;
    error?: boolean;
    warning?: boolean;
  };
}

/**
 * Everything the watched targets print: console calls and uncaught errors (rejections included).
 * Targets send these as `resources-available-array` events, `[[resourceType, [resource…]]…]`.
 */
export class ConsoleLog {
  readonly entries: ConsoleEntry[] = [];
  private readonly watchers: Watcher[] = [];

  constructor(client: RdpClient) {
    client.onEvent((packet: Packet) => {
      if (packet.type !== 'resources-available-array') return;
      const target = this.watchers.map((watcher) => watcher.targets.get(packet.from)).find(Boolean);
      if (!target) return;
      for (const [resourceType, resources] of packet.array as [string, unknown[]][]) {
        for (const resource of resources) {
          const entry = toEntry(resourceType, resource);
          if (entry) this.entries.push({ source: describeTarget(target), ...entry });
        }
      }
    });
  }

  /** Records what the targets of `watcher` print, from messages they printed before on. */
  async follow(watcher: Watcher): Promise<void> {
    this.watchers.push(watcher);
    await watcher.watchConsole();
  }

  errors(): ConsoleEntry[] {
    return this.entries.filter((entry) => entry.level === 'error' || entry.level === 'assert');
  }
}

export function formatEntries(entries: ConsoleEntry[]): string {
  return entries
    .map((e) => `[${e.level}] ${e.source}: ${e.text}${e.location ? ` (${e.location})` : ''}`)
    .join('\n');
}

function toEntry(resourceType: string, resource: unknown): Omit<ConsoleEntry, 'source'> | undefined {
  if (resourceType === 'console-message') {
    const message = resource as ConsoleMessageResource;
    return {
      level: message.level,
      text: (message.arguments ?? []).map(gripText).join(' '),
      location: place(message.filename, message.lineNumber),
    };
  }
  if (resourceType === 'error-message') {
    const { pageError } = resource as ErrorMessageResource;
    return {
      level: pageError.error ? 'error' : pageError.warning ? 'warning' : 'info',
      text: gripText(pageError.errorMessage),
      location: place(pageError.sourceName, pageError.lineNumber),
    };
  }
  return undefined;
}

function place(file: string | undefined, line: number | undefined): string {
  return file ? `${file}:${line ?? 0}` : '';
}

/** Enough of a value grip to read a message: primitives as they are, objects by class and preview. */
function gripText(grip: unknown): string {
  if (typeof grip !== 'object' || grip === null) return String(grip);
  const value = grip as {
    type?: string;
    initial?: string;
    class?: string;
    preview?: { name?: string; message?: string };
  };
  if (value.type === 'longString') return `${value.initial}…`;
  if (value.type === 'object') {
    const preview = value.preview;
    return preview?.message !== undefined ? `${preview.name}: ${preview.message}` : `[${value.class}]`;
  }
  return value.type ?? JSON.stringify(grip);
}
