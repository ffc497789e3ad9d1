import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeHuggingFace } from '../../e2e/support/hf-server';

const HOSTS = ['huggingface.co', 'arxiv.org'];

export interface ServedRequest {
  host: string;
  url: URL;
}

/**
 * One HTTPS server standing in for every site the test visits. Firefox is started with
 * `network.dns.forceResolve` set to this server's address, so every host name reaches it, and it
 * answers by the Host header: huggingface.co as FakeHuggingFace does for the Chromium tests, the
 * paper sites from fixture pages, anything else 404. It listens on port 443 of a random 127.x.y.1
 * (all of 127/8 is loopback), so it does not collide with other servers on this machine.
 */
export class StandInServer {
  readonly huggingFace = new FakeHuggingFace();
  readonly requests: ServedRequest[] = [];
  private readonly pages = new Map<string, string>();
  private server?: Server;
  address = '';

  /** Serves `tests/fixtures/pages/<fixture>` at `url` (an https URL on any host). */
  servePage(url: string, fixture: string): void {
    this.pages.set(url, readFileSync(`tests/fixtures/pages/${fixture}`, 'utf8'));
  }

  async start(): Promise<this> {
    this.server = createServer(certificate(HOSTS), (request, response) => {
      const host = (request.headers.host ?? '').replace(/:443$/, '');
      const url = new URL(request.url ?? '/', `https://${host}`);
      this.requests.push({ host, url });
      if (host === 'huggingface.co') {
        const answer = this.huggingFace.answer(url);
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
        return;
      }
      const page = this.pages.get(url.href);
      response.writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page ?? 'Not served by the test');
    });
    for (let attempt = 0; ; attempt++) {
      const address = `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}.1`;
      try {
        await listen(this.server, address);
        this.address = address;
        return this;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EACCES') {
          throw new Error('Listening on port 443 needs root or CAP_NET_BIND_SERVICE', { cause: error });
        }
        // Another server already has this address: draw another one.
        if (code !== 'EADDRINUSE' || attempt === 5) throw error;
      }
    }
  }

  /** The Daily Papers requests that reached the stand-in. */
  feedRequests(): URL[] {
    return this.requests
      .filter(({ host, url }) => host === 'huggingface.co' && url.pathname === '/api/daily_papers')
      .map(({ url }) => url);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function listen(server: Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A self-signed certificate for `hosts`; Firefox accepts it because the session sets acceptInsecureCerts. */
function certificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'paperpulse-tls-'));
  try {
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
        `/CN=${hosts[0]}`,
        '-addext',
        `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
