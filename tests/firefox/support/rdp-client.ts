import { connect, type Socket } from 'node:net';

/**
 * A client for Firefox's own remote debugging protocol (the one about:debugging speaks), over the TCP
 * server that `--start-debugger-server PORT` opens. WebDriver BiDi cannot reach moz-extension:// pages;
 * this protocol can. Packets are `<byte length>:<JSON>`; every packet names its actor in `to`/`from`.
 * An actor answers its requests in order, so each actor has a queue of pending requests; a packet
 * without a `type` (or with an `error`) is the answer to the oldest one, and a packet with a `type`
 * is an event. https://firefox-source-docs.mozilla.org/devtools/backend/protocol.html
 */
export interface Packet {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

type EventListener = (packet: Packet) => void;

interface PendingRequest {
  what: string;
  resolve: (packet: Packet) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export const REQUEST_TIMEOUT_MS = 15_000;

export class RdpClient {
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<string, PendingRequest[]>();
  private readonly listeners = new Set<EventListener>();
  private closedBecause?: Error;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', (error) => this.fail(new Error(`debugger connection failed: ${error.message}`)));
    socket.on('close', () => this.fail(new Error('debugger connection closed')));
  }

  /** Connects and waits for the root actor's greeting; the server may still be starting. */
  static async connect(port: number, timeoutMs = REQUEST_TIMEOUT_MS): Promise<RdpClient> {
    const deadline = Date.now() + timeoutMs;
    let lastError: Error | undefined;
    while (Date.now() < deadline) {
      try {
        const client = new RdpClient(await openSocket(port));
        const greeting = client.nextEvent((packet) => packet.from === 'root', 'greeting from the root actor');
        await greeting.catch((error: unknown) => {
          client.close();
          throw error;
        });
        return client;
      } catch (error) {
        lastError = error as Error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`No Firefox debugger server on 127.0.0.1:${port}: ${lastError?.message}`);
  }

  /** Sends `{to, type, ...params}` and resolves with the actor's answer; rejects on an error answer. */
  request(to: string, type: string, params: Record<string, unknown> = {}): Promise<Packet> {
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    const what = `${type} to ${to}`;
    return new Promise<Packet>((resolve, reject) => {
      // A late answer would be taken for the answer to the actor's next request: give up the
      // connection instead.
      const timer = setTimeout(() => {
        this.socket.destroy();
        this.fail(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      const entry: PendingRequest = { what, resolve, reject, timer };
      const queue = this.pending.get(to) ?? [];
      queue.push(entry);
      this.pending.set(to, queue);
      this.send({ to, type, ...params });
    });
  }

  /** Calls `listener` with every event, synchronously as it arrives; returns the unsubscribe. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next event matching `predicate`. Subscribe before sending what causes it. */
  nextEvent(predicate: (packet: Packet) => boolean, what: string, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (this.closedBecause) return Promise.reject(this.closedBecause);
    return new Promise<Packet>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`No ${what} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const off = this.onEvent((packet) => {
        if (!predicate(packet)) return;
        clearTimeout(timer);
        off();
        resolve(packet);
      });
    });
  }

  close(): void {
    this.socket.destroy();
    this.fail(new Error('debugger connection closed by the test'));
  }

  private send(packet: Record<string, unknown>): void {
    const json = JSON.stringify(packet);
    this.socket.write(`${Buffer.byteLength(json)}:${json}`);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const header = this.buffer.subarray(0, colon).toString('latin1');
      // Bulk packets (`bulk actor type length:`) carry binary data we never ask for.
      if (!/^\d+$/.test(header)) {
        this.fail(new Error(`Unexpected packet header from the debugger: ${header.slice(0, 80)}`));
        return;
      }
      const end = colon + 1 + Number(header);
      if (this.buffer.length < end) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, end).toString('utf8')) as Packet;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet): void {
    const queue = this.pending.get(packet.from);
    if (queue?.length && (packet.type === undefined || packet.error !== undefined)) {
      const entry = queue.shift()!;
      clearTimeout(entry.timer);
      if (packet.error)
        entry.reject(new Error(`${entry.what} failed: ${packet.error} ${packet.message ?? ''}`));
      else entry.resolve(packet);
      return;
    }
    for (const listener of [...this.listeners]) listener(packet);
  }

  private fail(error: Error): void {
    if (this.closedBecause) return;
    this.closedBecause = error;
    for (const queue of this.pending.values()) {
      for (const entry of queue) {
        clearTimeout(entry.timer);
        entry.reject(new Error(`${entry.what}: ${error.message}`));
      }
    }
    this.pending.clear();
  }
}

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}
