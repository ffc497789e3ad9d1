import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTPS stand-in for huggingface.co. Chromium is started with
 * `--host-resolver-rules=MAP huggingface.co 127.0.0.1:<port>`, so even the worker's install-time
 * fetch (which runs before Playwright could route anything) reaches it. Nothing leaves the machine.
 */
export interface FeedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A body sent as it is, not as JSON (arXiv's Atom answers); set its content-type in `headers`. */
  text?: string;
  /** Drop the connection without answering (the network is gone). */
  hangUp?: boolean;
  /** Answer this many milliseconds late (a slow upstream). */
  delayMs?: number;
}
export type FeedHandler = (url: URL) => FeedResponse;

let certificate: { key: Buffer; cert: Buffer } | undefined;
function selfSignedCertificate() {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'paperpulse-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=huggingface.co',
      '-addext',
      'subjectAltName=DNS:huggingface.co',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return certificate;
}

const DAY = 86_400_000;

/** Days from today (UTC, now) to a `YYYY-MM-DD` date; undefined for anything else. */
export function dayOffset(date: string, now = Date.now()): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Math.floor(now / DAY) * DAY) / DAY);
}

export class FakeHuggingFace {
  readonly requests: URL[] = [];
  handler: FeedHandler = () => ({ body: [] });
  private server?: Server;
  port = 0;

  /** Records a request and answers it (another server, such as the Firefox tests', may call this). */
  answer(url: URL): FeedResponse {
    this.requests.push(url);
    if (url.pathname === '/api/daily_papers')
      this.askedOffsets.push(dayOffset(url.searchParams.get('date') ?? ''));
    return this.handler(url);
  }

  async start(): Promise<this> {
    this.server = createServer(selfSignedCertificate(), (request, response) => {
      const answer = this.answer(new URL(request.url ?? '/', 'https://huggingface.co'));
      const reply = () => {
        if (answer.hangUp) {
          request.socket.destroy();
          return;
        }
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /**
   * Serve `days[offset]` for `/api/daily_papers?date=…`, where the offset is counted in days from
   * this server's UTC today at the moment of the request (0 today, -1 yesterday; empty otherwise).
   * Tests never name a calendar day, so a run across midnight sees the same feed.
   */
  serveDays(days: Record<number, unknown[]>): void {
    this.handler = (url) => {
      if (url.pathname !== '/api/daily_papers') return { status: 404, body: { error: 'not found' } };
      const offset = dayOffset(url.searchParams.get('date') ?? '');
      const page = Number(url.searchParams.get('p') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const items = (offset !== undefined && days[offset]) || [];
      return { body: items.slice(page * limit, (page + 1) * limit) };
    };
  }

  /** The network is gone: every connection is dropped. */
  goOffline(): void {
    this.handler = () => ({ hangUp: true });
  }

  feedRequests(): URL[] {
    return this.requests.filter((url) => url.pathname === '/api/daily_papers');
  }

  /** The day asked by each feed request, as an offset from today when it was asked. */
  readonly askedOffsets: (number | undefined)[] = [];

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
